package org.utilitydesk.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The demo data's bills read true, whatever day the data is generated on: the invariants of {@link BillingHistory}. */
class BillingHistoryTest {

    private static final String[][] KINDS = {{"RES-TIERED", "false", "false"}, {"COM-FLAT", "true", "false"}, {"GAS-RES", "false", "true"}};

    @Test
    void nothingIsIssuedOrPaidAfterNowAndBalancesAreWhatTheBillsStillAsk() {
        Random random = new Random(20261208);
        int paidLate = 0;
        int futureUnpaid = 0;
        for (int run = 0; run < 3_000; run++) {
            LocalDateTime now = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(800)).atTime(random.nextInt(24), random.nextInt(60));
            String[] kind = KINDS[run % KINDS.length];
            int unpaid = run % 7 == 0 ? 1 + random.nextInt(3) : 0;
            BillingHistory.Account account = BillingHistory.of(random, now, kind[0], Boolean.parseBoolean(kind[1]),
                    Boolean.parseBoolean(kind[2]), unpaid, new BigDecimal("1000.00"));

            assertThat(account.bills()).hasSize(BillingHistory.MONTHS);
            assertThat(account.bills().get(BillingHistory.MONTHS - 1).period()).isEqualTo(YearMonth.from(now).minusMonths(1));
            BigDecimal owed = BigDecimal.ZERO;
            BigDecimal used = BigDecimal.ZERO;
            for (BillingHistory.Bill bill : account.bills()) {
                assertThat(bill.issued()).as("issued by today").isBeforeOrEqualTo(now.toLocalDate());
                assertThat(bill.lines().stream().map(BillingHistory.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                        .as("the lines add up to the total").isEqualByComparingTo(bill.total());
                if (bill.payment() != null) {
                    assertThat(bill.payment().paidAt()).as("paid by now").isBeforeOrEqualTo(now)
                            .isAfterOrEqualTo(bill.issued().atStartOfDay());
                    assertThat(bill.payment().amount()).isEqualByComparingTo(bill.total());
                    assertThat(bill.paid()).isEqualByComparingTo(bill.total());
                    assertThat(bill.status()).isEqualTo("PAID");
                    paidLate += bill.payment().paidAt().toLocalDate().isAfter(bill.due()) ? 1 : 0;
                } else {
                    assertThat(bill.paid()).isZero();
                    assertThat(bill.status()).isEqualTo(bill.due().isBefore(now.toLocalDate()) ? "OVERDUE" : "ISSUED");
                    owed = owed.add(bill.total());
                    futureUnpaid += bill.due().isBefore(now.toLocalDate()) ? 0 : 1;
                }
                used = used.add(bill.usage());
            }
            assertThat(account.balance()).as("the balance is what the bills still ask").isEqualByComparingTo(owed);
            assertThat(account.reading()).isEqualByComparingTo(new BigDecimal("1000.00").add(used));
            long overdue = account.bills().stream().filter(b -> b.status().equals("OVERDUE")).count();
            assertThat(overdue).as("only the accounts in arrears are overdue").isLessThanOrEqualTo(unpaid);
        }
        assertThat(paidLate).as("payments come before the due date").isZero();
        assertThat(futureUnpaid).as("some of the latest bills are not paid yet: their day has not come").isPositive();
    }

    @Test
    void theSameSeedGivesTheSameHistory() {
        LocalDateTime now = LocalDateTime.of(2026, 12, 8, 9, 30);
        BillingHistory.Account first = BillingHistory.of(new Random(7), now, "RES-TIERED", false, false, 0, BigDecimal.TEN);
        BillingHistory.Account second = BillingHistory.of(new Random(7), now, "RES-TIERED", false, false, 0, BigDecimal.TEN);
        assertThat(second).isEqualTo(first);
    }
}
