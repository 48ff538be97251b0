package org.utilitydesk.domain.model.ivr;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Mandarin as a caller expects to hear it: 一万零二十 (one 零 for any run of zeros inside a number, none at
 * its end), 十五 but 一百一十, 两 for a leading 2 before 百, 千, 万, 亿 and for a lone 2 before a measure word
 * (两元, 两点), 二 elsewhere (二十二, 十二); money as 元角分 (一百二十三元四角五分, 五角, 三元零五分); dates as
 * 十二月五日 (二零二五年十二月五日 in another year); times as 下午两点三十分, 上午九点整, 晚上八点零五分; order
 * numbers digit by digit with 幺 for 1.
 */
final class ChineseReading implements Reading {

    static final ChineseReading INSTANCE = new ChineseReading();

    private static final String LIANG = "say/liang";
    private static final String YAO = "say/yao";
    private static final String TEN_THOUSAND = "say/ten-thousand";
    private static final String HUNDRED_MILLION = "say/hundred-million";
    private static final long WAN = 10_000L;
    private static final long YI = 100_000_000L;

    private ChineseReading() {
    }

    @Override
    public List<String> number(long n) {
        return read(n, false);
    }

    @Override
    public List<String> count(long n) {
        return read(n, true);
    }

    private static List<String> read(long n, boolean measured) {
        List<String> out = new ArrayList<>();
        if (n < 0) {
            out.add(Says.MINUS);
            out.addAll(read(n == Long.MIN_VALUE ? Long.MAX_VALUE : -n, measured));
            return out;
        }
        if (n == 0) {
            return List.of(Says.ZERO);
        }
        if (n == 2 && measured) {
            return List.of(LIANG);
        }
        cardinal(n, out);
        return out;
    }

    /** n > 0 in groups of four digits: …亿, …万, units. */
    private static void cardinal(long n, List<String> out) {
        long yi = n / YI;
        long rest = n % YI;
        if (yi > 0) {
            multiple(yi, HUNDRED_MILLION, out);
            if (rest == 0) {
                return;
            }
            if (rest < YI / 10) {
                out.add(Says.ZERO);
            }
        }
        long wan = rest / WAN;
        long units = rest % WAN;
        if (wan > 0) {
            multiple(wan, TEN_THOUSAND, out);
            if (units == 0) {
                return;
            }
            if (units < 1000) {
                out.add(Says.ZERO);
            }
        }
        if (units > 0) {
            group((int) units, out);
        }
    }

    /** "两万", "十二万", "一千万", "三亿": a group before its unit; a lone 2 leading the number is 两. */
    private static void multiple(long count, String unit, List<String> out) {
        if (count == 2 && out.isEmpty()) {
            out.add(LIANG);
        } else if (count >= WAN) {
            cardinal(count, out);
        } else {
            group((int) count, out);
        }
        out.add(unit);
    }

    /** 1-9999 inside a number (or leading it, when {@code out} is still empty). */
    private static void group(int g, List<String> out) {
        boolean leading = out.isEmpty();
        boolean said = false;
        boolean zeros = false;
        for (int position = 3, power = 1000; position >= 0; position--, power /= 10) {
            int d = g / power % 10;
            if (d == 0) {
                zeros |= said;
                continue;
            }
            if (zeros) {
                out.add(Says.ZERO);
                zeros = false;
            }
            boolean first = leading && !said;
            if (position == 1 && d == 1 && first) {
                out.add(Says.TEN); // 十五, 十万: a leading 1 of the tens is not said
            } else {
                out.add(d == 2 && first && position >= 2 ? LIANG : Says.number(d));
                if (position > 0) {
                    out.add(position == 1 ? Says.TEN : position == 2 ? Says.HUNDRED : Says.THOUSAND);
                }
            }
            said = true;
        }
    }

    @Override
    public List<String> money(BigDecimal amount) {
        Says.Amount value = Says.Amount.of(amount);
        List<String> out = value.sign();
        long yuan = value.yuan();
        int cents = value.cents();
        int jiao = cents / 10;
        int fen = cents % 10;
        if (yuan > 0 || cents == 0) {
            out.addAll(count(yuan));
            out.add(Says.YUAN);
        }
        if (jiao > 0) {
            out.addAll(count(jiao));
            out.add(Says.JIAO);
        } else if (yuan > 0 && fen > 0) {
            out.add(Says.ZERO); // 三元零五分
        }
        if (fen > 0) {
            out.addAll(count(fen));
            out.add(Says.FEN);
        }
        return out;
    }

    @Override
    public List<String> date(LocalDate day, LocalDate today) {
        List<String> out = new ArrayList<>();
        if (day.getYear() != today.getYear()) {
            out.addAll(year(day.getYear()));
        }
        out.add(Says.month(day.getMonthValue()));
        out.add(Says.day(day.getDayOfMonth()));
        return out;
    }

    /** 二零二六年: a year digit by digit. */
    private static List<String> year(int year) {
        List<String> out = new ArrayList<>();
        for (char digit : Integer.toString(year).toCharArray()) {
            out.add(Says.number(digit - '0'));
        }
        out.add(Says.YEAR);
        return out;
    }

    @Override
    public List<String> time(LocalTime time) {
        int hour = time.getHour();
        List<String> out = new ArrayList<>();
        out.add(hour < 6 ? "say/early-morning" : hour < 12 ? "say/am" : hour == 12 ? "say/noon" : hour < 18 ? "say/pm" : "say/evening");
        out.addAll(count(hour > 12 ? hour - 12 : hour));
        out.add(Says.HOUR);
        int minute = time.getMinute();
        if (minute == 0) {
            out.add(Says.SHARP);
            return out;
        }
        if (minute < 10) {
            out.add(Says.ZERO); // 八点零五分
        }
        out.addAll(number(minute));
        out.add(Says.MINUTE);
        return out;
    }

    @Override
    public List<String> month(YearMonth month) {
        List<String> out = year(month.getYear());
        out.add(Says.month(month.getMonthValue()));
        return out;
    }

    @Override
    public List<String> digits(String digits) {
        return Says.grouped(digits, d -> d == 1 ? YAO : Says.number(d));
    }
}
