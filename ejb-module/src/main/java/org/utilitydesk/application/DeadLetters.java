package org.utilitydesk.application;

import java.time.Instant;
import java.util.List;

/** Messages the application could not process after every retry, for supervisors to look at and retry. */
public interface DeadLetters {

    /**
     * One dead message: the broker's id, where it was going, when it was sent, (the start of) its body, and
     * the work orders it is about as they stand now (none for other messages). How often it was delivered is
     * not kept: the broker moves it here after its last delivery and counts afresh in the DLQ.
     */
    record DeadLetter(String id, String address, Instant sentAt, String body, List<Order> workOrders) {

        public DeadLetter {
            workOrders = List.copyOf(workOrders);
        }
    }

    /** A work order a dead letter is about: its number and its state now (still NEW while it waits for routing). */
    record Order(String orderNo, String state) {
    }

    List<DeadLetter> list(int max);

    /**
     * Moves the message back to the queue it was going to, in one transaction (it is never lost nor
     * doubled); false if there is no such message (retried or discarded meanwhile).
     */
    boolean retry(String id);
}
