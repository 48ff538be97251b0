package org.utilitydesk.domain.model.ivr;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * English as spoken: "one hundred twenty three thousand four hundred five"; money as yuan and fen ("twelve
 * yuan fifty fen"); dates as "December fifth" (", twenty twenty five" in another year); times as "two thirty
 * p m", "nine o'clock a m", "eight oh five p m", "twelve noon"; numbers digit by digit.
 */
final class EnglishReading implements Reading {

    static final EnglishReading INSTANCE = new EnglishReading();

    private static final long[] SCALES = {1_000_000_000L, 1_000_000L, 1_000L};
    private static final String[] SCALE_WORDS = {"say/billion", "say/million", Says.THOUSAND};

    private EnglishReading() {
    }

    @Override
    public List<String> number(long n) {
        List<String> out = new ArrayList<>();
        if (n < 0) {
            out.add(Says.MINUS);
            n = n == Long.MIN_VALUE ? Long.MAX_VALUE : -n;
        }
        if (n == 0) {
            out.add(Says.ZERO);
            return out;
        }
        for (int i = 0; i < SCALES.length; i++) {
            long part = n / SCALES[i];
            if (part > 0) {
                out.addAll(part >= 1000 ? number(part) : belowThousand((int) part));
                out.add(SCALE_WORDS[i]);
                n %= SCALES[i];
            }
        }
        if (n > 0) {
            out.addAll(belowThousand((int) n));
        }
        return out;
    }

    private static List<String> belowThousand(int n) {
        List<String> out = new ArrayList<>();
        if (n >= 100) {
            out.add(Says.number(n / 100));
            out.add(Says.HUNDRED);
            n %= 100;
        }
        if (n >= 20) {
            out.add(Says.number(n / 10 * 10));
            n %= 10;
        }
        if (n > 0) {
            out.add(Says.number(n));
        }
        return out;
    }

    @Override
    public List<String> count(long n) {
        return number(n);
    }

    @Override
    public List<String> money(BigDecimal amount) {
        Says.Amount value = Says.Amount.of(amount);
        List<String> out = value.sign();
        long yuan = value.yuan();
        int cents = value.cents();
        if (yuan > 0 || cents == 0) {
            out.addAll(number(yuan));
            out.add(Says.YUAN);
        }
        if (cents > 0) {
            out.addAll(number(cents));
            out.add(Says.FEN);
        }
        return out;
    }

    @Override
    public List<String> date(LocalDate day, LocalDate today) {
        List<String> out = new ArrayList<>();
        out.add(Says.month(day.getMonthValue()));
        out.add(Says.day(day.getDayOfMonth()));
        if (day.getYear() != today.getYear()) {
            out.addAll(year(day.getYear()));
        }
        return out;
    }

    /** "twenty twenty six", "nineteen oh five", "nineteen hundred"; 2000-2009 as "two thousand five". */
    private List<String> year(int year) {
        int century = year / 100;
        int rest = year % 100;
        if (year < 1000 || year >= 2000 && year < 2010 || rest == 0 && century % 10 == 0) {
            return number(year);
        }
        List<String> out = new ArrayList<>(belowThousand(century));
        if (rest == 0) {
            out.add(Says.HUNDRED);
        } else {
            if (rest < 10) {
                out.add(Says.OH);
            }
            out.addAll(belowThousand(rest));
        }
        return out;
    }

    @Override
    public List<String> time(LocalTime time) {
        int hour = time.getHour();
        int minute = time.getMinute();
        List<String> out = new ArrayList<>(number(hour % 12 == 0 ? 12 : hour % 12));
        if (minute == 0) {
            out.add(hour == 12 ? "say/noon" : Says.HOUR);
            if (hour == 12) {
                return out;
            }
        } else {
            if (minute < 10) {
                out.add(Says.OH);
            }
            out.addAll(number(minute));
        }
        out.add(hour < 12 ? "say/am" : "say/pm");
        return out;
    }

    @Override
    public List<String> month(YearMonth month) {
        List<String> out = new ArrayList<>();
        out.add(Says.month(month.getMonthValue()));
        out.addAll(year(month.getYear()));
        return out;
    }

    @Override
    public List<String> digits(String digits) {
        return Says.grouped(digits, Says::number);
    }
}
