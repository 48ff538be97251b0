package org.utilitydesk.sql;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * An account's last twelve months of bills, their lines and payments, as the demo data holds them. What a person
 * reading it checks holds (BillingHistoryTest): no bill is issued and nothing is paid after now; a bill is PAID exactly
 * when a payment of its whole amount was made; an unpaid bill is OVERDUE once its due date has passed and ISSUED before;
 * a bill's lines add up to its total; the account's balance is what its bills still ask for.
 */
final class BillingHistory {

    static final int MONTHS = 12;

    private static final String[] PAY_CHANNELS = {"WECHAT", "ALIPAY", "BANK", "COUNTER", "DIRECT_DEBIT"};
    /** Tiers of RES-TIERED, COM-FLAT and GAS-RES as in the V2 migration. */
    private static final BigDecimal[][] RES_TIERS = {
        {new BigDecimal("0"), new BigDecimal("230"), new BigDecimal("0.5380")},
        {new BigDecimal("230"), new BigDecimal("400"), new BigDecimal("0.5880")},
        {new BigDecimal("400"), null, new BigDecimal("0.8380")}};
    static final BigDecimal COM_PRICE = new BigDecimal("0.7420");
    static final BigDecimal GAS_PRICE = new BigDecimal("2.9500");
    static final BigDecimal RENEWABLE_SURCHARGE = new BigDecimal("0.0190");

    record Line(int lineNo, String type, String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount) {
    }

    /** A payment of a whole bill, at a local time of the utility's zone. */
    record Payment(LocalDateTime paidAt, BigDecimal amount, String channel, String reference) {
    }

    /** One month's bill; {@code payment} null while unpaid. */
    record Bill(YearMonth period, LocalDate issued, LocalDate due, BigDecimal usage, BigDecimal total, BigDecimal paid,
                String status, List<Line> lines, Payment payment) {
    }

    /** The bills, oldest first, what the account owes, and the meter's reading after the last month. */
    record Account(List<Bill> bills, BigDecimal balance, BigDecimal reading) {
    }

    private BillingHistory() {
    }

    /**
     * The twelve months up to the last one before {@code now}'s: each bill issued on the first of the month after its
     * period and due twenty days later, paid on a day within its first nineteen unless it is one of the {@code unpaid}
     * latest bills (an account in arrears) or its day to be paid has not come yet.
     */
    static Account of(Random random, LocalDateTime now, String tariff, boolean business, boolean gas, int unpaid,
                      BigDecimal reading) {
        LocalDate today = now.toLocalDate();
        YearMonth lastPeriod = YearMonth.from(today).minusMonths(1);
        List<Bill> bills = new ArrayList<>(MONTHS);
        BigDecimal balance = BigDecimal.ZERO.setScale(2);
        for (int m = MONTHS - 1; m >= 0; m--) {
            YearMonth period = lastPeriod.minusMonths(m);
            LocalDate issue = period.plusMonths(1).atDay(1);
            LocalDate due = issue.plusDays(20);
            BigDecimal usage = usage(random, business, gas, period.getMonthValue());
            reading = reading.add(usage);
            List<Line> lines = lines(tariff, usage);
            BigDecimal total = lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
            Payment payment = null;
            if (m >= unpaid) {
                // drawn whether or not the day has come, so that the same seed gives the same data on any day
                LocalDateTime paidAt = issue.plusDays(random.nextInt(19)).atTime(8 + random.nextInt(13), random.nextInt(60));
                String channel = PAY_CHANNELS[random.nextInt(PAY_CHANNELS.length)];
                String reference = "TX" + Long.toHexString(random.nextLong() & 0xFFFFFFFFFFL).toUpperCase();
                if (!paidAt.isAfter(now)) {
                    payment = new Payment(paidAt, total, channel, reference);
                }
            }
            String status = payment != null ? "PAID" : due.isBefore(today) ? "OVERDUE" : "ISSUED";
            if (payment == null) {
                balance = balance.add(total);
            }
            bills.add(new Bill(period, issue, due, usage, total, payment == null ? BigDecimal.ZERO.setScale(2) : total, status,
                    lines, payment));
        }
        return new Account(bills, balance, reading);
    }

    private static BigDecimal usage(Random random, boolean business, boolean gas, int month) {
        double seasonal = (month >= 6 && month <= 9) || month <= 2 ? 1.45 : 1.0;
        double base = gas ? 25 + random.nextInt(30) : business ? 800 + random.nextInt(4000) : 90 + random.nextInt(260);
        return BigDecimal.valueOf(base * seasonal).setScale(2, RoundingMode.HALF_UP);
    }

    /** A bill's lines by its tariff: tiered residential electricity, flat business electricity with surcharge, or gas. */
    static List<Line> lines(String tariff, BigDecimal usage) {
        List<Line> lines = new ArrayList<>();
        switch (tariff) {
            case "RES-TIERED" -> {
                for (int t = 0; t < RES_TIERS.length; t++) {
                    BigDecimal from = RES_TIERS[t][0];
                    BigDecimal to = RES_TIERS[t][1];
                    if (usage.compareTo(from) <= 0) {
                        break;
                    }
                    BigDecimal qty = (to == null || usage.compareTo(to) < 0 ? usage : to).subtract(from);
                    lines.add(new Line(lines.size() + 1, "ENERGY", "第" + (t + 1) + "档电量电费", qty, RES_TIERS[t][2],
                            qty.multiply(RES_TIERS[t][2]).setScale(2, RoundingMode.HALF_UP)));
                }
            }
            case "COM-FLAT" -> {
                lines.add(new Line(1, "ENERGY", "一般工商业电量电费", usage, COM_PRICE,
                        usage.multiply(COM_PRICE).setScale(2, RoundingMode.HALF_UP)));
                lines.add(new Line(2, "SURCHARGE", "可再生能源电价附加", usage, RENEWABLE_SURCHARGE,
                        usage.multiply(RENEWABLE_SURCHARGE).setScale(2, RoundingMode.HALF_UP)));
            }
            default -> lines.add(new Line(1, "ENERGY", "居民管道燃气费", usage, GAS_PRICE,
                    usage.multiply(GAS_PRICE).setScale(2, RoundingMode.HALF_UP)));
        }
        return lines;
    }
}
