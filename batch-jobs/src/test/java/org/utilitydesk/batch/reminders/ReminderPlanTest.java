package org.utilitydesk.batch.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReminderPlanTest {

    private static final ReminderPolicy FIRST = new ReminderPolicy(1, "首次", 1, 7, 9, 20, 1, List.of(ReminderChannel.SMS));
    private static final ReminderPolicy SECOND = new ReminderPolicy(2, "再次", 8, 20, 9, 20, 2,
            List.of(ReminderChannel.SMS, ReminderChannel.EMAIL));
    private static final ReminderPolicy CALL = new ReminderPolicy(3, "电话", 21, 45, 10, 18, 1,
            List.of(ReminderChannel.IVR_CALL, ReminderChannel.SMS));
    private static final List<QuietPeriod> QUIET = List.of(
            new QuietPeriod("夜间", LocalTime.of(21, 0), LocalTime.of(8, 0)),
            new QuietPeriod("午休", LocalTime.of(12, 0), LocalTime.of(13, 30)));

    private static ReminderPlan at(String time) {
        return new ReminderPlan(LocalDateTime.parse(time), List.of(FIRST, SECOND, CALL), QUIET);
    }

    private static ReminderCandidate bill(String due, String email, boolean dnd, Map<Long, Integer> sent) {
        return new ReminderCandidate(7, "2026-10", 3, "100000001", 5, LocalDate.parse(due), new BigDecimal("88.50"),
                "13800000001", email, "zh_CN", dnd, sent, java.util.Set.of());
    }

    @Test
    void aBillIsRemindedUnderThePolicyCoveringItsDaysPastDue() {
        Reminder r = at("2026-11-24T10:00").plan(bill("2026-11-20", null, false, Map.of())).orElseThrow();
        assertThat(r.policy()).isEqualTo(FIRST);
        assertThat(r.channel()).isEqualTo(ReminderChannel.SMS);
        assertThat(r.windowKey()).isEqualTo("P1-20261124");
        assertThat(r.attemptNo()).isEqualTo(1);

        assertThat(at("2026-11-24T10:00").plan(bill("2026-10-20", null, false, Map.of())).orElseThrow().channel())
                .as("34 days past due: the call policy").isEqualTo(ReminderChannel.IVR_CALL);
    }

    @Test
    void nothingIsSentInQuietHoursOutsideAWindowsHoursOrToDoNotDisturbCustomers() {
        assertThat(at("2026-11-24T07:30").openPolicies()).isEmpty();
        assertThat(at("2026-11-24T12:15").openPolicies()).as("midday rest").isEmpty();
        assertThat(at("2026-11-24T12:15").quietPeriod()).map(QuietPeriod::name).contains("午休");
        assertThat(at("2026-11-24T22:00").openPolicies()).isEmpty();
        assertThat(at("2026-11-24T19:00").plan(bill("2026-10-20", null, false, Map.of())))
                .as("the call window closes at 18:00").isEmpty();
        assertThat(at("2026-11-24T10:00").plan(bill("2026-11-20", null, true, Map.of()))).isEmpty();
    }

    @Test
    void thePolicyMaximumIsKeptAndLaterAttemptsMoveToTheNextChannelTheCustomerHas() {
        assertThat(at("2026-11-24T10:00").plan(bill("2026-11-20", null, false, Map.of(1L, 1)))).isEmpty();

        Reminder second = at("2026-11-24T10:00").plan(bill("2026-11-10", "a@example.cn", false, Map.of(2L, 1))).orElseThrow();
        assertThat(second.attemptNo()).isEqualTo(2);
        assertThat(second.channel()).isEqualTo(ReminderChannel.EMAIL);
        assertThat(second.recipient()).isEqualTo("a@example.cn");

        Reminder noEmail = at("2026-11-24T10:00").plan(bill("2026-11-10", " ", false, Map.of(2L, 1))).orElseThrow();
        assertThat(noEmail.channel()).as("no e-mail address: back to SMS").isEqualTo(ReminderChannel.SMS);
    }

    @Test
    void aBillRemindedInTodaysWindowIsNotRemindedAgainToday() {
        ReminderCandidate reminded = new ReminderCandidate(7, "2026-10", 3, "100000001", 5, LocalDate.parse("2026-11-10"),
                new BigDecimal("88.50"), "13800000001", null, "zh_CN", false, Map.of(2L, 1), java.util.Set.of("P2-20261124"));
        assertThat(at("2026-11-24T15:00").plan(reminded)).isEmpty();
        assertThat(at("2026-11-25T10:00").plan(reminded)).as("tomorrow is another window").isPresent();
    }

    @Test
    void theDueDateRangeReadIsTheUnionOfTheOpenWindows() {
        ReminderPlan plan = at("2026-11-24T10:00");
        assertThat(plan.oldestDueDate()).isEqualTo(LocalDate.parse("2026-10-10"));
        assertThat(plan.newestDueDate()).isEqualTo(LocalDate.parse("2026-11-23"));
        assertThat(at("2026-11-24T09:30").oldestDueDate()).as("the call window opens at 10").isEqualTo(LocalDate.parse("2026-11-04"));
    }
}
