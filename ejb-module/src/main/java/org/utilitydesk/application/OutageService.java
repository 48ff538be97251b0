package org.utilitydesk.application;

import java.time.Instant;
import java.util.List;

/** Outage notices (停电通知) that concern a customer. */
public interface OutageService {

    /** One outage: under way (ACTIVE) or announced for later (PLANNED), with its time window. */
    record Notice(boolean active, boolean planned, Instant startsAt, Instant endsAt, String reasonZh, String reasonEn) {
    }

    /** Outages in the account's service area that are under way or start within the next three days. */
    List<Notice> noticesFor(long accountId);
}
