package org.utilitydesk.interfaces.facade;

import jakarta.validation.constraints.Size;

/** A request body that only carries a note for the history. */
public record NoteRequest(@Size(max = 2000, message = "{api.note.size}") String note) {
}
