package org.utilitydesk.domain.model.ivr;

import java.util.Locale;
import org.utilitydesk.domain.model.workorder.WorkOrderState;

/**
 * The prompts the application itself plays (the menu tree's own prompts are data, in {@code ivr_node}).
 * Each is a sound file {@code utilitydesk/<file>} in each language's folder; the catalogue
 * ({@code server-config/asterisk/prompts.tsv}) holds what each says.
 */
public enum Prompt {
    WELCOME, NO_INPUT, INVALID_KEY, GOODBYE,
    ENTER_ACCOUNT, INVALID_ACCOUNT,
    AMOUNT_DUE, CREDIT_BALANCE, DUE_DATE, LAST_PAYMENT, PAID_ON, NO_BILL,
    ENTER_MONTH, INVALID_MONTH, NO_BILL_FOR_MONTH, STATEMENT_MONTH, USAGE, UNITS, UNITS_GAS, BILL_AMOUNT, BILL_SETTLED, BILL_OUTSTANDING,
    CONFIRM_FAULT_ADDRESS, FAULT_ACCEPTED, ENTER_ORDER_NUMBER, ORDER_NOT_FOUND,
    OUTAGE_ACTIVE, OUTAGE_PLANNED, OUTAGE_UNTIL, OUTAGE_REASON,
    NO_AGENTS, AFTER_HOURS, LONG_WAIT, CALLBACK_CONFIRMED, FAQ_UNAVAILABLE, MESSAGE_NOT_SAVED,
    REMINDER_INTRO, REMINDER_SETTLED, REMINDER_HOW_TO_PAY, REMINDER_REPEAT,
    SURVEY_INTRO, SURVEY_SCORE, SURVEY_INVALID, SURVEY_COMMENT, SURVEY_THANKS, SURVEY_FOLLOW_UP,
    TODAY, TOMORROW, YESTERDAY;

    /** The file name under utilitydesk/: the constant's name in lower case with hyphens ("no-input"). */
    public String file() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** What a work order's state is called to a caller ("order-state-in_progress"). */
    public static String orderState(WorkOrderState state) {
        return "order-state-" + state.name().toLowerCase(Locale.ROOT);
    }
}
