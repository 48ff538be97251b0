package org.utilitydesk.interfaces.facade;

import jakarta.validation.constraints.Size;

/** A request body that only carries a note for the history. */
public record NoteRequest(@Size(max = 2000, message = "note is at most 2000 characters") String note) {
}
