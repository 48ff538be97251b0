package org.utilitydesk.infrastructure.telephony;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.utilitydesk.application.BillingService;
import org.utilitydesk.application.BillingService.BillSummary;
import org.utilitydesk.application.CallHandling;
import org.utilitydesk.application.CallHandling.Caller;
import org.utilitydesk.application.CallRouting;
import org.utilitydesk.application.OutageService;
import org.utilitydesk.application.WorkOrderService;
import org.utilitydesk.domain.model.call.CallOutcome;
import org.utilitydesk.domain.model.ivr.IvrMenu;
import org.utilitydesk.domain.model.ivr.IvrMenuRepository;
import org.utilitydesk.domain.model.ivr.IvrNode;

/**
 * The inbound IVR over FastAGI: an interpreter of the menu tree held in the database (ivr_node,
 * ivr_transition). It identifies the caller by caller ID, then walks the tree: menus read one key with
 * time-outs and retries, actions read the bill, report a fault (a work order whose number is read back),
 * tell a work order's state, record a voice message, put the caller in line for an agent (the ACD) and ring
 * the agent routing chose, switch the language or say goodbye.
 * Identified callers hear outages in their area first. Every node and key goes into the call record; a caller hanging up at any point ends the
 * call cleanly. Asterisk types stay in this package.
 */
@ApplicationScoped
public class IvrScript implements AgiScript {

    private static final Logger LOG = Logger.getLogger(IvrScript.class.getName());
    static final String PROMPTS = "utilitydesk/";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final int ACCOUNT_DIGITS = 10;
    /** Work order numbers are GD + 16 digits; callers key in the digits. */
    private static final int ORDER_DIGITS = 16;
    private static final long ORDER_TIMEOUT_MILLIS = 15_000;
    private static final int VOICEMAIL_MAX_MILLIS = 120_000;
    private static final int VOICEMAIL_SILENCE_SECONDS = 5;
    /** Asterisk records at 8 kHz: RECORD FILE's endpos counts samples. */
    private static final int SAMPLES_PER_SECOND = 8_000;
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    /** Where Asterisk writes voicemail recordings (a path on the Asterisk server). */
    @Inject
    @ConfigProperty(name = "utilitydesk.voicemail.dir", defaultValue = "/var/spool/asterisk/utilitydesk")
    private String voicemailDir;
    private static final long ACCOUNT_TIMEOUT_MILLIS = 10_000;
    private static final long MONTH_TIMEOUT_MILLIS = 10_000;
    /** How far back a caller can ask for a month's bill. */
    static final int STATEMENT_MONTHS = 24;
    /** Loop guard: no real call visits this many nodes; a misconfigured cycle must not run forever. */
    private static final int MAX_STEPS = 60;

    @Inject
    private CallHandling calls;

    @Inject
    private CallBookkeeping bookkeeping;

    @Inject
    private BillingService billing;

    @Inject
    private IvrMenuRepository menus;

    @Inject
    private OutageService outages;

    @Inject
    private WorkOrderService workOrders;

    @Inject
    private CallRouting routing;

    /** How an agent's phone is dialled; {extension} is the agent's extension. */
    @Inject
    @ConfigProperty(name = "utilitydesk.acd.agent-channel", defaultValue = "PJSIP/{extension}")
    private String agentChannel;

    /** How long the IVR waits for routing between checks that the caller is still there. */
    @Inject
    @ConfigProperty(name = "utilitydesk.acd.hold-slice-millis", defaultValue = "3000")
    private long holdSliceMillis;

    /** What one call has learned so far. */
    private static final class CallState {
        /** The call record's id once written (it is written while the call is answered). */
        final CompletableFuture<Long> record;
        final String callerNumber;
        final String uid;
        Caller caller;
        Instant answeredAt;
        final List<String> path = new ArrayList<>();
        CallOutcome outcome = CallOutcome.ABANDONED;
        String cause = "CALLER_HANGUP";

        void step(String step) {
            path.add(step);
        }

        long id() {
            return CallBookkeeping.await(record);
        }

        CallHandling.CallSummary summary() {
            return new CallHandling.CallSummary(answeredAt, caller == null ? null : caller.customerId(),
                    caller == null ? null : caller.accountId(), List.copyOf(path), outcome, cause);
        }

        CallState(CompletableFuture<Long> record, String callerNumber, String uid) {
            this.record = record;
            this.callerNumber = callerNumber;
            this.uid = uid;
        }
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        String uid = request.getUniqueId();
        if (uid == null || uid.isBlank()) {
            LOG.warning(() -> "FastAGI request without agi_uniqueid from " + request.getRemoteAddress() + "; hanging up");
            channel.hangup();
            return;
        }
        String callerNumber = request.getCallerIdNumber();
        CallState call = new CallState(bookkeeping.started(uid, callerNumber, request.getDnid()), callerNumber, uid);
        // who is calling, and what is wrong in their area, is looked up while the call is answered and welcomed
        CompletableFuture<Greeting> greeting = bookkeeping.ahead(() -> greeting(callerNumber));
        try {
            channel.answer();
            call.answeredAt = Instant.now();
            channel.streamFile(PROMPTS + "welcome");
            Greeting known = CallBookkeeping.await(greeting);
            call.caller = known.caller();
            call.step(call.caller != null ? "ID:CALLER_ID" : "ID:UNKNOWN");
            announceOutages(channel, call, known.outages());
            walk(channel, call, menus.current());
            channel.hangup();
        } catch (AgiHangupException e) {
            if (call.outcome != CallOutcome.SELF_SERVED && call.outcome != CallOutcome.ANSWERED) {
                call.outcome = CallOutcome.ABANDONED;
            }
            call.cause = "CALLER_HANGUP";
        } catch (AgiException | RuntimeException e) {
            LOG.log(Level.WARNING, "IVR failed on call " + uid + " from " + request.getCallerIdNumber(), e);
            call.outcome = CallOutcome.FAILED;
            call.cause = "IVR_ERROR";
            throw e;
        } finally {
            if (call.caller == null && greeting.isDone() && !greeting.isCompletedExceptionally()) {
                call.caller = greeting.join().caller(); // hung up during the welcome: who it was is still known
            }
            bookkeeping.ended(uid, call.record, call.summary());
        }
    }

    private void walk(AgiChannel channel, CallState call, IvrMenu menu) throws AgiException {
        IvrNode node = menu.root();
        int retries = 0;
        for (int steps = 0; node != null && steps < MAX_STEPS; steps++) {
            call.step(node.code());
            if (node.kind() == IvrNode.Kind.MENU) {
                String key = channel.getData(PROMPTS + node.prompt(), node.timeoutMillis(), 1);
                String target = key == null || key.isEmpty() ? null : node.target(key.charAt(0));
                if (target != null) {
                    call.step(key);
                    node = menu.node(target);
                    retries = 0;
                    continue;
                }
                boolean silent = key == null || key.isEmpty();
                call.step(silent ? "SILENCE" : "INVALID:" + sanitize(key));
                if (++retries > node.maxRetries()) {
                    node = menu.node(node.onFailure());
                    retries = 0;
                } else {
                    channel.streamFile(PROMPTS + (silent ? "no-input" : "invalid-key"));
                }
                continue;
            }
            if (node.prompt() != null) {
                channel.streamFile(PROMPTS + node.prompt());
            }
            node = act(channel, call, menu, node);
        }
    }

    /** Runs an action node and returns the node the call goes to next (null to end the call). */
    private IvrNode act(AgiChannel channel, CallState call, IvrMenu menu, IvrNode node) throws AgiException {
        switch (node.action()) {
            case BILL_INQUIRY -> {
                if (!knowsAccount(channel, call, node)) {
                    return menu.node(node.onFailure());
                }
                Optional<BillSummary> bill = billing.summary(call.caller.accountId());
                if (bill.isPresent()) {
                    readBill(channel, bill.get());
                } else {
                    channel.streamFile(PROMPTS + "no-bill");
                }
                call.outcome = CallOutcome.SELF_SERVED;
                call.cause = "NORMAL";
                return menu.node(node.next());
            }
            case BILL_STATEMENT -> {
                if (!knowsAccount(channel, call, node)) {
                    return menu.node(node.onFailure());
                }
                for (int attempt = 0; attempt <= node.maxRetries(); attempt++) {
                    Optional<YearMonth> month = statementMonth(channel.getData(PROMPTS + "enter-month", MONTH_TIMEOUT_MILLIS, 6));
                    Optional<BillingService.MonthStatement> statement = month.flatMap(m -> billing.statement(call.caller.accountId(), m));
                    if (statement.isPresent()) {
                        call.step("MONTH:" + month.get());
                        readStatement(channel, statement.get());
                        call.outcome = CallOutcome.SELF_SERVED;
                        call.cause = "NORMAL";
                        return menu.node(node.next());
                    }
                    call.step("MONTH:" + (month.isPresent() ? "NO_BILL" : "INVALID"));
                    channel.streamFile(PROMPTS + (month.isPresent() ? "no-bill-for-month" : "invalid-month"));
                }
                return menu.node(node.onFailure());
            }
            case FAULT_REPORT -> {
                if (!knowsAccount(channel, call, node)) {
                    return menu.node(node.onFailure());
                }
                String confirm = channel.getData(PROMPTS + "confirm-fault-address", node.timeoutMillis(), 1);
                if (!"1".equals(confirm)) {
                    call.step("FAULT:NOT_CONFIRMED");
                    return menu.node(node.onFailure());
                }
                String orderNo = calls.reportFault(call.id(), call.caller.accountId(), node.argument(), call.callerNumber);
                call.step("ORDER:" + orderNo);
                channel.streamFile(PROMPTS + "fault-accepted");
                channel.sayAlpha(orderNo);
                call.outcome = CallOutcome.SELF_SERVED;
                call.cause = "NORMAL";
                return menu.node(node.next());
            }
            case ORDER_STATUS -> {
                for (int attempt = 0; attempt <= node.maxRetries(); attempt++) {
                    String digits = channel.getData(PROMPTS + "enter-order-number", ORDER_TIMEOUT_MILLIS, ORDER_DIGITS);
                    Optional<String> state = digits == null || !digits.matches("\\d{" + ORDER_DIGITS + "}")
                            ? Optional.empty() : workOrders.findByOrderNo("GD" + digits).map(o -> o.getState().name());
                    if (state.isPresent()) {
                        call.step("STATUS:" + state.get());
                        channel.streamFile(PROMPTS + "order-state-" + state.get().toLowerCase(Locale.ROOT));
                        call.outcome = CallOutcome.SELF_SERVED;
                        call.cause = "NORMAL";
                        return menu.node(node.next());
                    }
                    call.step("STATUS:NOT_FOUND");
                    channel.streamFile(PROMPTS + "order-not-found");
                }
                return menu.node(node.onFailure());
            }
            case VOICEMAIL -> {
                String file = voicemailDir + "/" + DAY.format(LocalDate.now(ZONE)) + "/" + call.uid.replace('.', '-');
                int seconds = 0;
                try {
                    channel.recordFile(file, "wav", "#", VOICEMAIL_MAX_MILLIS, 0, true, VOICEMAIL_SILENCE_SECONDS);
                    seconds = recordedSeconds(channel);
                } finally {
                    // A caller who hangs up while speaking has still left a message.
                    calls.voicemailLeft(call.id(), call.caller == null ? null : call.caller.accountId(), file + ".wav", seconds);
                    call.step("MESSAGE");
                    call.outcome = CallOutcome.VOICEMAIL;
                    call.cause = "NORMAL";
                }
                return menu.node(node.next());
            }
            case TRANSFER -> {
                return transfer(channel, call, menu, node);
            }
            case SET_LANGUAGE -> {
                channel.setVariable("CHANNEL(language)", node.argument());
                return menu.node(node.next());
            }
            case HANGUP -> {
                if (call.outcome == CallOutcome.ABANDONED && "CALLER_HANGUP".equals(call.cause)) {
                    call.cause = "NORMAL";
                }
                return null;
            }
            default -> throw new IllegalStateException("unknown IVR action " + node.action());
        }
    }

    /**
     * Puts the caller in line for an agent with the node's skill and holds them (music on hold) until
     * routing picks an agent, then rings that agent's extension. A missed ring puts them back in their
     * place; past the queue's longest wait they may leave a message instead. A closed or unstaffed queue
     * says so and goes to the node's on-failure (the mailbox).
     */
    private IvrNode transfer(AgiChannel channel, CallState call, IvrMenu menu, IvrNode node) throws AgiException {
        String skill = node.argument() == null ? "BILLING" : node.argument();
        call.step("QUEUE:" + skill);
        CallRouting.Queued queued;
        try {
            queued = routing.queue(new CallRouting.QueueRequest(call.id(), call.uid, call.callerNumber,
                    call.caller == null ? null : call.caller.customerId(), call.caller == null ? null : call.caller.accountId(),
                    skill, List.copyOf(call.path)));
        } catch (RuntimeException e) {
            // the caller still gets somewhere: the mailbox, as when nobody is there
            LOG.log(Level.WARNING, "could not queue call " + call.uid + " for " + skill + "; offering the mailbox", e);
            queued = new CallRouting.Queued(CallRouting.Admission.UNSTAFFED, 0, 0, 0);
        }
        if (queued.admission() != CallRouting.Admission.WAITING) {
            boolean closed = queued.admission() == CallRouting.Admission.CLOSED;
            call.step(closed ? "CLOSED" : "NO_AGENTS");
            channel.streamFile(PROMPTS + (closed ? "after-hours" : "no-agents"));
            return menu.node(node.onFailure());
        }
        boolean handedOver = false;
        try {
            Instant since = Instant.now();
            boolean longWaitOffered = false;
            channel.exec("StartMusicOnHold", "");
            while (true) {
                Optional<CallRouting.AgentToRing> agent = routing.awaitAgent(call.id(), Duration.ofMillis(holdSliceMillis));
                if (agent.isPresent()) {
                    channel.exec("StopMusicOnHold", "");
                    call.step("AGENT:" + agent.get().agentNo());
                    channel.exec("Dial", agentChannel.replace("{extension}", agent.get().extension()) + "," + queued.ringSeconds());
                    if ("ANSWER".equals(channel.getVariable("DIALSTATUS"))) {
                        routing.agentAnswered(call.id());
                        call.outcome = CallOutcome.ANSWERED;
                        call.cause = "NORMAL";
                        Optional<CallRouting.DeskRequest> transfer = converse(channel, call);
                        if (transfer.isEmpty()) {
                            handedOver = true; // the conversation is over and its end told to routing
                            return null;
                        }
                        CallRouting.DeskRequest to = transfer.get();
                        call.step("TRANSFER:" + to.transferKind() + ":" + to.target());
                        queued = routing.transferred(call.id(), to.transferKind(), to.target());
                        if (queued.admission() != CallRouting.Admission.WAITING) {
                            call.step("NO_AGENTS");
                            channel.streamFile(PROMPTS + "no-agents");
                            return menu.node(node.onFailure());
                        }
                        skill = CallRouting.lineOf(to.transferKind(), to.target());
                        since = Instant.now();
                        longWaitOffered = false;
                        channel.exec("StartMusicOnHold", "");
                        continue;
                    }
                    call.step("NO_ANSWER");
                    routing.notAnswered(call.id());
                    channel.exec("StartMusicOnHold", "");
                    continue;
                }
                channel.getChannelStatus(); // a caller who hung up while on hold is noticed here
                if (!routing.staffed(skill)) {
                    call.step("NO_AGENTS");
                    channel.exec("StopMusicOnHold", "");
                    channel.streamFile(PROMPTS + "no-agents");
                    return menu.node(node.onFailure());
                }
                if (!longWaitOffered && Duration.between(since, Instant.now()).getSeconds() >= queued.maxWaitSeconds()) {
                    longWaitOffered = true;
                    channel.exec("StopMusicOnHold", "");
                    // 1: call me back (keeping my place), 2: leave a message, anything else: keep waiting
                    String key = channel.getData(PROMPTS + "long-wait", node.timeoutMillis(), 1);
                    if ("1".equals(key) && routing.callBack(call.id())) {
                        handedOver = true;
                        call.step("LONG_WAIT:CALLBACK");
                        channel.streamFile(PROMPTS + "callback-confirmed");
                        call.outcome = CallOutcome.CALLBACK;
                        call.cause = "NORMAL";
                        return menu.node(node.next());
                    }
                    if ("2".equals(key)) {
                        call.step("LONG_WAIT:MAILBOX");
                        return menu.node(node.onFailure());
                    }
                    call.step("LONG_WAIT:STAY");
                    channel.exec("StartMusicOnHold", "");
                }
            }
        } finally {
            if (!handedOver) {
                routing.left(call.id()); // hung up on hold, while the agent rang or talked, or went to the mailbox
            }
        }
    }

    /**
     * Stays with a call the agent answered. The dial (or bridge) returns when the agent's leg leaves the
     * conversation: by hanging up, or because the desk asked for something through the manager interface
     * (hold: the agent's leg waits in silence, the caller hears music until the desk resumes, transfers or
     * hangs up; transfer; hang-up). Returns the transfer to carry out, or empty once the conversation is
     * over (its end told to routing).
     */
    private Optional<CallRouting.DeskRequest> converse(AgiChannel channel, CallState call) throws AgiException {
        while (true) {
            Optional<CallRouting.DeskRequest> asked = routing.deskRequest(call.id());
            if (asked.isEmpty()) {
                routing.conversationEnded(call.id()); // the agent or the caller hung up
                return Optional.empty();
            }
            CallRouting.DeskRequest request = asked.get();
            if (request.kind() == CallRouting.DeskRequest.Kind.HOLD) {
                call.step("HOLD");
                channel.exec("StartMusicOnHold", "");
                request = onHold(channel, call);
                channel.exec("StopMusicOnHold", "");
                if (request.kind() == CallRouting.DeskRequest.Kind.RESUME) {
                    call.step("RESUME");
                    channel.exec("Bridge", request.agentChannel());
                    if (!"SUCCESS".equals(channel.getVariable("BRIDGERESULT"))) {
                        // the agent's leg went away while the caller was on hold
                        LOG.info(() -> "call " + call.uid + ": the agent's leg is gone; ending the conversation");
                        call.cause = "AGENT_GONE";
                        routing.conversationEnded(call.id());
                        return Optional.empty();
                    }
                    continue;
                }
            }
            if (request.kind() == CallRouting.DeskRequest.Kind.TRANSFER) {
                return Optional.of(request);
            }
            if (request.kind() == CallRouting.DeskRequest.Kind.HANG_UP) {
                call.step("AGENT_HANGUP");
                call.cause = "AGENT_HANGUP";
                routing.conversationEnded(call.id());
                return Optional.empty();
            }
        }
    }

    /** Waits, music playing, for the desk to resume, transfer or hang up; a caller who hangs up is noticed between slices. */
    private CallRouting.DeskRequest onHold(AgiChannel channel, CallState call) throws AgiException {
        while (true) {
            Optional<CallRouting.DeskRequest> asked = routing.awaitDeskRequest(call.id(), Duration.ofMillis(holdSliceMillis));
            if (asked.isPresent() && asked.get().kind() != CallRouting.DeskRequest.Kind.HOLD) {
                return asked.get();
            }
            channel.getChannelStatus();
        }
    }

    /** The caller known by caller ID (null if not, or not to one account's certainty) and their area's outages. */
    private record Greeting(Caller caller, List<OutageService.Notice> outages) {
    }

    private Greeting greeting(String callerNumber) {
        Caller caller = calls.identifyByCallerId(callerNumber).orElse(null);
        return new Greeting(caller, caller == null || caller.accountId() == null ? List.of() : outages.noticesFor(caller.accountId()));
    }

    /** Tells an identified caller about outages in their area before anything else. */
    private void announceOutages(AgiChannel channel, CallState call, List<OutageService.Notice> notices) throws AgiException {
        for (OutageService.Notice notice : notices) {
            call.step(notice.active() ? "OUTAGE:ACTIVE" : "OUTAGE:PLANNED");
            channel.streamFile(PROMPTS + (notice.active() ? "outage-active" : "outage-planned"));
            sayInstant(channel, notice.startsAt());
            if (notice.endsAt() != null) {
                channel.streamFile(PROMPTS + "outage-until");
                sayInstant(channel, notice.endsAt());
            }
        }
    }

    /** True once the call's account is known: from caller ID already, or typed in now (then remembered). */
    private boolean knowsAccount(AgiChannel channel, CallState call, IvrNode node) throws AgiException {
        if (call.caller != null && call.caller.accountId() != null) {
            return true;
        }
        Optional<Caller> typed = askForAccount(channel, call, node);
        typed.ifPresent(caller -> call.caller = caller);
        return typed.isPresent();
    }

    /** Asks for the ten-digit account number, checking length and check digit, with the node's retries. */
    private Optional<Caller> askForAccount(AgiChannel channel, CallState call, IvrNode node) throws AgiException {
        for (int attempt = 0; attempt <= node.maxRetries(); attempt++) {
            String typed = channel.getData(PROMPTS + "enter-account", ACCOUNT_TIMEOUT_MILLIS, ACCOUNT_DIGITS);
            Optional<Caller> caller = typed == null || typed.isEmpty()
                    ? Optional.empty() : calls.identifyByAccount(typed);
            call.step(caller.isPresent() ? "ID:ACCOUNT" : "ACCOUNT:" + (typed == null || typed.isEmpty()
                    ? "SILENCE" : "INVALID"));
            if (caller.isPresent()) {
                return caller;
            }
            channel.streamFile(PROMPTS + "invalid-account");
        }
        return Optional.empty();
    }

    static int recordedSeconds(AgiChannel channel) {
        String endpos = channel.getLastReply() == null ? null : channel.getLastReply().getAttribute("endpos");
        try {
            return endpos == null ? 0 : (int) (Long.parseLong(endpos.trim()) / SAMPLES_PER_SECOND);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String sanitize(String input) {
        String kept = input.replaceAll("[^0-9A-Za-z*#_]", "?");
        return kept.length() > 12 ? kept.substring(0, 12) : kept;
    }

    /** "您的应缴金额 123 元 45 分，缴费截止日期 …，最近一次缴费 … 元，于 …". */
    static void readBill(AgiChannel channel, BillSummary bill) throws AgiException {
        channel.streamFile(PROMPTS + "amount-due");
        sayMoney(channel, bill.amountDue());
        if (bill.dueDate() != null) {
            channel.streamFile(PROMPTS + "due-date");
            sayInstant(channel, bill.dueDate().atStartOfDay(ZONE).toInstant());
        }
        if (bill.lastPaymentAmount() != null) {
            channel.streamFile(PROMPTS + "last-payment");
            sayMoney(channel, bill.lastPaymentAmount());
            channel.streamFile(PROMPTS + "paid-on");
            sayInstant(channel, bill.lastPaymentAt());
        }
    }

    /**
     * The month a caller keyed in as six digits, year and month ("202610"): a real month, not in the
     * future and at most {@value #STATEMENT_MONTHS} months back; empty for anything else.
     */
    static Optional<YearMonth> statementMonth(String digits) {
        if (digits == null || !digits.matches("\\d{6}")) {
            return Optional.empty();
        }
        int monthNumber = Integer.parseInt(digits.substring(4));
        if (monthNumber < 1 || monthNumber > 12) {
            return Optional.empty();
        }
        YearMonth month = YearMonth.of(Integer.parseInt(digits.substring(0, 4)), monthNumber);
        YearMonth now = YearMonth.now(ZONE);
        return month.isAfter(now) || month.isBefore(now.minusMonths(STATEMENT_MONTHS)) ? Optional.empty() : Optional.of(month);
    }

    /** "2026年10月 用电 235 度，电费 128 元 40 分，已缴清 / 未缴 … 元，缴费截止日期 …". */
    private static void readStatement(AgiChannel channel, BillingService.MonthStatement statement) throws AgiException {
        channel.streamFile(PROMPTS + "statement-month");
        channel.sayDateTime(statement.period().atDay(1).atStartOfDay(ZONE).toEpochSecond(), "", "YB", ZONE.getId());
        channel.streamFile(PROMPTS + "usage");
        channel.sayNumber(statement.usage().setScale(0, RoundingMode.HALF_UP).toBigInteger().toString());
        channel.streamFile(PROMPTS + "units");
        channel.streamFile(PROMPTS + "bill-amount");
        sayMoney(channel, statement.amount());
        if (statement.settled()) {
            channel.streamFile(PROMPTS + "bill-settled");
        } else {
            channel.streamFile(PROMPTS + "bill-outstanding");
            sayMoney(channel, statement.amount().subtract(statement.paid()));
            channel.streamFile(PROMPTS + "due-date");
            sayInstant(channel, statement.dueDate().atStartOfDay(ZONE).toInstant());
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

    private static void sayInstant(AgiChannel channel, Instant at) throws AgiException {
        channel.sayDateTime(at.getEpochSecond(), "", "YBd", ZONE.getId());
    }
}
