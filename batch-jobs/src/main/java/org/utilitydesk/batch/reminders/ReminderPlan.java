package org.utilitydesk.batch.reminders;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Decides, at one local moment, which bill is reminded under which policy and by which channel. Only
 * policies whose hours are open and that no quiet period covers apply; a bill is reminded under the most
 * advanced policy covering its days past due, unless the customer asked not to be disturbed, that
 * policy's maximum is reached or the bill was reminded in this window (policy and day) already. Attempt n starts at the n-th channel of the policy and falls back to the
 * next the customer can be reached by.
 */
public final class ReminderPlan {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final LocalDateTime at;
    private final List<ReminderPolicy> open;
    private final Optional<QuietPeriod> quiet;

    public ReminderPlan(LocalDateTime at, List<ReminderPolicy> policies, List<QuietPeriod> quietPeriods) {
        this.at = at;
        this.quiet = quietPeriods.stream().filter(q -> q.contains(at.toLocalTime())).findFirst();
        this.open = quiet.isPresent() ? List.of()
                : policies.stream().filter(p -> p.openAt(at.toLocalTime()))
                        .sorted(Comparator.comparingInt(ReminderPolicy::daysFrom).reversed()).toList();
    }

    public LocalDateTime at() {
        return at;
    }

    /** The quiet period the moment falls in, if any. */
    public Optional<QuietPeriod> quietPeriod() {
        return quiet;
    }

    /** The policies that apply now, the most advanced first; empty in quiet hours and outside every window. */
    public List<ReminderPolicy> openPolicies() {
        return open;
    }

    /** Earliest due date a reminded bill can have now (the longest window's end), or null when none is open. */
    public java.time.LocalDate oldestDueDate() {
        return open.stream().mapToInt(ReminderPolicy::daysTo).max().stream()
                .mapToObj(days -> at.toLocalDate().minusDays(days)).findFirst().orElse(null);
    }

    /** Latest due date a reminded bill can have now (the earliest window's start), or null when none is open. */
    public java.time.LocalDate newestDueDate() {
        return open.stream().mapToInt(ReminderPolicy::daysFrom).min().stream()
                .mapToObj(days -> at.toLocalDate().minusDays(days)).findFirst().orElse(null);
    }

    /** The reminder this bill gets now, or empty when it gets none. */
    public Optional<Reminder> plan(ReminderCandidate bill) {
        if (bill.doNotDisturb() || bill.amountDue().signum() <= 0) {
            return Optional.empty();
        }
        long overdue = ChronoUnit.DAYS.between(bill.dueDate(), at.toLocalDate());
        return open.stream().filter(p -> p.covers(overdue)).findFirst()
                .filter(p -> bill.sentUnder(p.id()) < p.maxPerBill() && !bill.remindedIn(windowKey(p)))
                .map(p -> reminder(bill, p));
    }

    /** One window per policy and day: a bill is reminded at most once in it. */
    private String windowKey(ReminderPolicy policy) {
        return "P" + policy.id() + "-" + DAY.format(at);
    }

    private Reminder reminder(ReminderCandidate bill, ReminderPolicy policy) {
        int attempt = bill.sentUnder(policy.id()) + 1;
        String window = windowKey(policy);
        List<ReminderChannel> channels = policy.channels();
        for (int i = 0; i < channels.size(); i++) {
            ReminderChannel channel = channels.get((attempt - 1 + i) % channels.size());
            String recipient = channel.recipient(bill);
            if (recipient != null) {
                return new Reminder(bill, policy, window, attempt, channel, recipient);
            }
        }
        return new Reminder(bill, policy, window, attempt, null, null);
    }
}
