package org.utilitydesk.infrastructure.telephony;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.utilitydesk.application.BillingService;
import org.utilitydesk.application.BillingService.BillSummary;
import org.utilitydesk.application.CallHandling;
import org.utilitydesk.application.CallHandling.Caller;
import org.utilitydesk.domain.model.call.CallOutcome;

/**
 * The inbound IVR over FastAGI. Today it identifies the caller by caller ID and reads an identified
 * caller's bill (amount due, due date, last payment) with Asterisk's own Say commands; callers it cannot
 * identify are handed to the agents' Asterisk queue. Every step is written to the call record, and a
 * caller hanging up at any point ends the call cleanly.
 */
@ApplicationScoped
public class IvrScript implements AgiScript {

    private static final Logger LOG = Logger.getLogger(IvrScript.class.getName());
    static final String PROMPTS = "utilitydesk/";
    static final String FALLBACK_QUEUE = "utilitydesk-general";
    private static final String ZONE = "Asia/Shanghai";

    @Inject
    private CallHandling calls;

    @Inject
    private BillingService billing;

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        String uid = request.getUniqueId();
        if (uid == null || uid.isBlank()) {
            LOG.warning(() -> "FastAGI request without agi_uniqueid from " + request.getRemoteAddress() + "; hanging up");
            channel.hangup();
            return;
        }
        long callId = calls.callStarted(uid, request.getCallerIdNumber(), request.getDnid());
        CallOutcome outcome = CallOutcome.FAILED;
        String cause = "IVR_ERROR";
        try {
            channel.answer();
            calls.answered(callId);
            Optional<Caller> caller = calls.identifyByCallerId(callId, request.getCallerIdNumber());
            calls.stepped(callId, caller.isPresent() ? "ID:CALLER_ID" : "ID:UNKNOWN");
            channel.streamFile(PROMPTS + "welcome");
            Optional<BillSummary> bill = caller.map(Caller::accountId).flatMap(billing::summary);
            if (bill.isPresent()) {
                readBill(channel, bill.get());
                calls.stepped(callId, "BILL");
                channel.streamFile(PROMPTS + "goodbye");
                outcome = CallOutcome.SELF_SERVED;
            } else {
                calls.stepped(callId, "QUEUE:" + FALLBACK_QUEUE);
                channel.streamFile(PROMPTS + "transfer-to-agent");
                channel.exec("Queue", FALLBACK_QUEUE);
                String status = channel.getVariable("QUEUESTATUS");
                outcome = status == null || status.isBlank() ? CallOutcome.ANSWERED : CallOutcome.ABANDONED;
                cause = status == null || status.isBlank() ? "NORMAL" : "QUEUE_" + status;
            }
            channel.hangup();
            if (outcome != CallOutcome.ABANDONED) {
                cause = "NORMAL";
            }
        } catch (AgiHangupException e) {
            outcome = outcome == CallOutcome.SELF_SERVED ? outcome : CallOutcome.ABANDONED;
            cause = "CALLER_HANGUP";
        } catch (AgiException | RuntimeException e) {
            LOG.log(Level.WARNING, "IVR failed on call " + uid + " from " + request.getCallerIdNumber(), e);
            throw e;
        } finally {
            calls.callEnded(callId, outcome, cause);
        }
    }

    /** "您的应缴金额 123 元 45 分，缴费截止日期 …，最近一次缴费 … 元，于 …". */
    private static void readBill(AgiChannel channel, BillSummary bill) throws AgiException {
        channel.streamFile(PROMPTS + "amount-due");
        sayMoney(channel, bill.amountDue());
        if (bill.dueDate() != null) {
            channel.streamFile(PROMPTS + "due-date");
            sayDay(channel, bill.dueDate());
        }
        if (bill.lastPaymentAmount() != null) {
            channel.streamFile(PROMPTS + "last-payment");
            sayMoney(channel, bill.lastPaymentAmount());
            channel.streamFile(PROMPTS + "paid-on");
            sayInstant(channel, bill.lastPaymentAt());
        }
    }

    static void sayMoney(AgiChannel channel, BigDecimal amount) throws AgiException {
        BigDecimal value = amount.setScale(2, RoundingMode.HALF_UP);
        channel.sayNumber(value.toBigInteger().toString());
        channel.streamFile(PROMPTS + "yuan");
        int cents = value.remainder(BigDecimal.ONE).movePointRight(2).intValue();
        if (cents != 0) {
            channel.sayNumber(String.valueOf(cents));
            channel.streamFile(PROMPTS + "fen");
        }
    }

    private static void sayDay(AgiChannel channel, LocalDate day) throws AgiException {
        sayInstant(channel, day.atStartOfDay(java.time.ZoneId.of(ZONE)).toInstant());
    }

    private static void sayInstant(AgiChannel channel, Instant at) throws AgiException {
        channel.sayDateTime(at.getEpochSecond(), "", "YBd", ZONE);
    }
}
