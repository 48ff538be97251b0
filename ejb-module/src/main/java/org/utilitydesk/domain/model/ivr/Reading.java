package org.utilitydesk.domain.model.ivr;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;

/**
 * How a language reads values aloud, as the names of the short prompts ({@code say/…}) that make them up:
 * the IVR plays them one after the other instead of relying on the telephone system's own say rules
 * (Asterisk has none for Chinese).
 */
public interface Reading {

    /** A whole number as counted ("一百二十三", "one hundred twenty three"). */
    List<String> number(long n);

    /** A number of things before a measure word (度, 点, 元): where a language says so, 2 is 两. */
    List<String> count(long n);

    /** An amount of money in yuan, rounded to the fen (half up). */
    List<String> money(BigDecimal yuan);

    /** A day: month and day, and the year when it is not {@code today}'s year. */
    List<String> date(LocalDate day, LocalDate today);

    /** A time of day to the minute, with the part of the day. */
    List<String> time(LocalTime time);

    /** A month with its year. */
    List<String> month(YearMonth month);

    /** A string of digits read one by one, with a short pause after every four (other characters are skipped). */
    List<String> digits(String digits);
}
