package org.utilitydesk.batch.reminders;

import java.time.LocalTime;

/** Local hours in which nobody is contacted; a period may run past midnight (21:00 to 08:00). */
public record QuietPeriod(String name, LocalTime start, LocalTime end) {

    boolean contains(LocalTime time) {
        return start.isBefore(end) ? !time.isBefore(start) && time.isBefore(end) : !time.isBefore(start) || time.isBefore(end);
    }
}
