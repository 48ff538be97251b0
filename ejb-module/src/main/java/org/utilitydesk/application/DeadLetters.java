package org.utilitydesk.application;

import java.time.Instant;
import java.util.List;

/** Messages the application could not process after every retry, for supervisors to look at and retry. */
public interface DeadLetters {

    /** One dead message: the broker's id, where it was going, when it was sent and (the start of) its body. */
    record DeadLetter(String id, String address, Instant sentAt, int deliveries, String body) {
    }

    List<DeadLetter> list(int max);

    /**
     * Moves the message back to the queue it was going to, in one transaction (it is never lost nor
     * doubled); false if there is no such message (retried or discarded meanwhile).
     */
    boolean retry(String id);
}
