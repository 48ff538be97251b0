package org.utilitydesk.application;

/**
 * Texts customers send to the hotline's number. One that names a work order ("CX GD2026…") is answered
 * with the order's progress, by SMS to the sender, when the sender's number is the one on the order;
 * anything else gets a short how-to. The same text received twice in a minute (an SMS centre redelivering)
 * is answered once.
 */
public interface SmsQueries {

    void received(String fromNumber, String text);
}
