package org.utilitydesk.infrastructure.telephony;

import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.utilitydesk.application.BillingService.BillSummary;
import org.utilitydesk.application.BillingService.MonthStatement;
import org.utilitydesk.application.OutageService;
import org.utilitydesk.domain.model.customer.EnergyType;
import org.utilitydesk.domain.model.ivr.Prompt;
import org.utilitydesk.domain.model.ivr.Utterance;

/** What the IVR reads aloud about a bill, a month's statement and an outage, each as one utterance. */
final class IvrReadouts {

    private IvrReadouts() {
    }

    /**
     * "您的应缴金额为 一百二十三元四角五分，缴费截止日期为 十二月五日。您最近一次缴费 …元，缴费时间为 …"; a
     * credit is said as such, and nothing owed as nothing to pay.
     */
    static Utterance bill(Utterance.Builder say, BillSummary bill) {
        int due = bill.amountDue().signum();
        if (due > 0) {
            say.then(Prompt.AMOUNT_DUE).money(bill.amountDue());
            if (bill.dueDate() != null) {
                say.then(Prompt.DUE_DATE).date(bill.dueDate());
            }
        } else if (due < 0) {
            say.then(Prompt.CREDIT_BALANCE).money(bill.amountDue().negate());
        } else {
            say.then(Prompt.NO_BILL);
        }
        if (bill.lastPaymentAmount() != null) {
            say.then(Prompt.LAST_PAYMENT).money(bill.lastPaymentAmount());
            if (bill.lastPaymentAt() != null) {
                say.then(Prompt.PAID_ON).date(bill.lastPaymentAt().atZone(IvrCall.ZONE).toLocalDate());
            }
        }
        return say.build();
    }

    /** "您查询的是 二零二六年十月 的账单，用量 两百三十五 度（燃气：立方米），账单金额 …，已经缴清 / 尚未缴清，待缴金额 …，缴费截止日期为 …". */
    static Utterance statement(Utterance.Builder say, MonthStatement statement) {
        say.then(Prompt.STATEMENT_MONTH).month(statement.period())
                .then(Prompt.USAGE).count(statement.usage().setScale(0, RoundingMode.HALF_UP).longValueExact())
                .then(statement.energy() == EnergyType.GAS ? Prompt.UNITS_GAS : Prompt.UNITS)
                .then(Prompt.BILL_AMOUNT).money(statement.amount());
        if (statement.settled()) {
            say.then(Prompt.BILL_SETTLED);
        } else {
            say.then(Prompt.BILL_OUTSTANDING).money(statement.amount().subtract(statement.paid()));
            if (statement.dueDate() != null) {
                say.then(Prompt.DUE_DATE).date(statement.dueDate());
            }
        }
        return say.build();
    }

    /** An outage to announce, with the prompt that reads its reason (what a supervisor wrote), if one was synthesized. */
    record Outage(OutageService.Notice notice, Optional<String> reason) {
    }

    /**
     * "您所在的区域正在停电，停电开始于 今天上午九点整，预计恢复供电时间为 今天下午五点三十分。停电原因：…" (the
     * reason only where speech synthesis made a prompt of it).
     */
    static Utterance outage(Utterance.Builder say, Outage outage) {
        OutageService.Notice notice = outage.notice();
        say.then(notice.active() ? Prompt.OUTAGE_ACTIVE : Prompt.OUTAGE_PLANNED).moment(local(notice.startsAt()));
        if (notice.endsAt() != null) {
            say.then(Prompt.OUTAGE_UNTIL).moment(local(notice.endsAt()));
        }
        outage.reason().ifPresent(reason -> say.then(Prompt.OUTAGE_REASON).then(reason));
        return say.build();
    }

    private static ZonedDateTime local(Instant at) {
        return at.atZone(IvrCall.ZONE);
    }
}
