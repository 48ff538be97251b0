package org.utilitydesk.interfaces.desk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.utilitydesk.interfaces.facade.WorkOrderView;

/**
 * The note of a work order's event as a person reads it. People's notes are shown as written; the notes the system
 * wrote (the SLA watch's warning and escalation, the outbox's "SMS 139****1234 WORK_ORDER_RESOLVED") are stored in
 * one form for every language, so they are said again here in the viewer's words and local time.
 */
@Named("eventNotes")
@ApplicationScoped
public class EventNotes {

    private static final Pattern MOMENT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?Z");
    private static final Pattern NOTICE = Pattern.compile("(SMS|EMAIL|VOICE) (\\S+) ([A-Z][A-Z_]*)");

    private final LocalTimes times = new LocalTimes();

    public String of(WorkOrderView.Event event) {
        String note = event.note();
        if (note == null || note.isBlank()) {
            return "";
        }
        switch (event.type()) {
            case "SLA_WARNING", "SLA_BREACHED" -> {
                Matcher due = MOMENT.matcher(note);
                if (due.find()) {
                    return FacesText.text("wo.note." + event.type(), times.minute(instant(due.group())));
                }
            }
            case "NOTIFIED", "NOTIFY_FAILED" -> {
                Matcher notice = NOTICE.matcher(note.strip());
                if (notice.matches()) {
                    return FacesText.label("notice.channel.", notice.group(1)) + " " + notice.group(2) + " · "
                            + FacesText.label("notice.template.", notice.group(3));
                }
            }
            default -> {
            }
        }
        return note;
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
