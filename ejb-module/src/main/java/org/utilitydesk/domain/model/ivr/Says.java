package org.utilitydesk.domain.model.ivr;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** The names of the short prompts values are made of, and what the two readings share. */
final class Says {

    static final String PAUSE = "say/pause";
    static final String MINUS = "say/minus";
    static final String ZERO = "say/0";
    static final String TEN = "say/10";
    static final String HUNDRED = "say/hundred";
    static final String THOUSAND = "say/thousand";
    static final String YEAR = "say/year";
    static final String HOUR = "say/hour";
    static final String MINUTE = "say/minute";
    static final String SHARP = "say/sharp";
    static final String OH = "say/oh";
    static final String YUAN = "yuan";
    static final String JIAO = "jiao";
    static final String FEN = "fen";

    private Says() {
    }

    /** An amount of money as it is read: its sign, whole yuan and the fen (0-99) rounded half up. */
    record Amount(boolean negative, long yuan, int cents) {
        static Amount of(BigDecimal amount) {
            BigDecimal value = amount.setScale(2, RoundingMode.HALF_UP).abs();
            long yuan = value.longValue();
            return new Amount(amount.signum() < 0 && value.signum() > 0, yuan,
                    value.subtract(BigDecimal.valueOf(yuan)).movePointRight(2).intValue());
        }

        /** The words of the amount start with these: "minus" for a negative one. */
        List<String> sign() {
            List<String> out = new ArrayList<>();
            if (negative) {
                out.add(MINUS);
            }
            return out;
        }
    }

    /** The prompt of a number that has one of its own (0-20, tens to 90). */
    static String number(long n) {
        return "say/" + n;
    }

    static String month(int month) {
        return "say/month-" + month;
    }

    static String day(int dayOfMonth) {
        return "say/day-" + dayOfMonth;
    }

    /** Digits one by one as {@code word} names them, a pause after every fourth; other characters skipped. */
    static List<String> grouped(String digits, IntFunction<String> word) {
        List<String> out = new ArrayList<>();
        int n = 0;
        for (char c : digits.toCharArray()) {
            if (c < '0' || c > '9') {
                continue;
            }
            if (n > 0 && n % 4 == 0) {
                out.add(PAUSE);
            }
            out.add(word.apply(c - '0'));
            n++;
        }
        return out;
    }
}
