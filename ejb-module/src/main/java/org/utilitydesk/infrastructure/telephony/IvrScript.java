package org.utilitydesk.infrastructure.telephony;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.utilitydesk.application.BillingService;
import org.utilitydesk.application.CallHandling;
import org.utilitydesk.application.CallHandling.Caller;
import org.utilitydesk.application.KnowledgeBase;
import org.utilitydesk.application.OutageService;
import org.utilitydesk.application.WorkOrderService;
import org.utilitydesk.domain.model.call.CallOutcome;
import org.utilitydesk.domain.model.ivr.IvrMenu;
import org.utilitydesk.domain.model.ivr.IvrMenuRepository;
import org.utilitydesk.domain.model.ivr.IvrNode;
import org.utilitydesk.domain.model.ivr.Prompt;
import org.utilitydesk.domain.model.ivr.SpokenLanguage;
import org.utilitydesk.domain.model.knowledge.Article;
import org.utilitydesk.domain.model.knowledge.ArticleState;
import org.utilitydesk.domain.model.knowledge.Audience;
import org.utilitydesk.domain.model.workorder.WorkOrderState;
import org.utilitydesk.domain.service.SpeechSynthesis;

/**
 * The inbound IVR over FastAGI: an interpreter of the menu tree held in the database (ivr_node,
 * ivr_transition). It identifies the caller by caller ID, then walks the tree: menus read one key with
 * time-outs and retries, actions read the bill, report a fault (a work order whose number is read back),
 * tell a work order's state, read a knowledge article's answer, record a voice message, put the caller in
 * line for an agent (the ACD) and ring the agent routing chose, switch the language or say goodbye.
 * Identified callers hear outages in their area first. Every node and key goes into the call record; a
 * caller hanging up at any point ends the call cleanly. What it says is composed from its own prompts in the
 * call's language (see {@link Prompts}). Asterisk types stay in this package.
 */
@ApplicationScoped
public class IvrScript implements AgiScript {

    private static final Logger LOG = Logger.getLogger(IvrScript.class.getName());
    private static final ZoneId ZONE = IvrCall.ZONE;
    private static final int ACCOUNT_DIGITS = 10;
    /** Callers know an order by its six-digit phone reference. */
    private static final int ORDER_REFERENCE_DIGITS = 6;
    private static final long ORDER_TIMEOUT_MILLIS = 10_000;
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
    private Recordings recordings;

    @Inject
    private BillingService billing;

    @Inject
    private IvrMenuRepository menus;

    @Inject
    private OutageService outages;

    @Inject
    private WorkOrderService workOrders;

    @Inject
    private IvrAgentLine agentLine;

    @Inject
    private SpeechSynthesis speech;

    @Inject
    private KnowledgeBase knowledge;

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        String uid = request.getUniqueId();
        if (uid == null || uid.isBlank()) {
            LOG.warning(() -> "FastAGI request without agi_uniqueid from " + request.getRemoteAddress() + "; hanging up");
            IvrCall.hangUp(channel);
            return;
        }
        String callerNumber = request.getCallerIdNumber();
        IvrCall call = new IvrCall(bookkeeping.started(uid, callerNumber, request.getDnid()), callerNumber, uid,
                SpokenLanguage.ofChannel(request.getLanguage()));
        // who is calling, and what is wrong in their area, is looked up while the call is answered and welcomed
        CompletableFuture<Greeting> greeting = bookkeeping.ahead(() -> greeting(callerNumber, call.language));
        try {
            channel.answer();
            call.answeredAt = Instant.now();
            Prompts.play(channel, Prompt.WELCOME);
            Greeting known = CallBookkeeping.await(greeting);
            call.caller = known.caller();
            call.step(call.caller != null ? "ID:CALLER_ID" : "ID:UNKNOWN");
            announceOutages(channel, call, known.outages());
            walk(channel, call, menus.current());
            IvrCall.hangUp(channel);
        } catch (AgiHangupException e) {
            // asterisk-java reports a reply that never came as a hang-up; the connection left word of it
            String missed = ReplyDeadline.takeMissed();
            if (missed != null) {
                LOG.warning(() -> "IVR call " + uid + " from " + request.getCallerIdNumber() + " ended: " + missed);
            }
            call.sessionEnded(missed);
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

    private void walk(AgiChannel channel, IvrCall call, IvrMenu menu) throws AgiException {
        IvrNode node = menu.root();
        int retries = 0;
        for (int steps = 0; node != null && steps < MAX_STEPS; steps++) {
            call.step(node.code());
            try {
                if (node.kind() == IvrNode.Kind.MENU) {
                    String key = Prompts.choose(channel, node.prompt(), node.timeoutMillis());
                    String target = key.isEmpty() ? null : node.target(key.charAt(0));
                    if (target != null) {
                        call.step(key);
                        node = menu.node(target);
                        retries = 0;
                        continue;
                    }
                    call.step(key.isEmpty() ? "SILENCE" : "INVALID:" + sanitize(key));
                    if (++retries > node.maxRetries()) {
                        node = menu.node(node.onFailure());
                        retries = 0;
                    } else {
                        Prompts.play(channel, key.isEmpty() ? Prompt.NO_INPUT : Prompt.INVALID_KEY);
                    }
                    continue;
                }
                if (node.prompt() != null) {
                    Prompts.play(channel, node.prompt());
                }
                node = act(channel, call, menu, node);
            } catch (PromptFailed failed) {
                node = afterFailedPrompt(channel, call, menu, node, failed);
                retries = 0;
            }
        }
    }

    /**
     * A read Asterisk answered with -1. If the caller hung up, the channel status says so (AgiHangupException ends
     * the call as theirs). Otherwise a prompt is missing on the Asterisk host: named in the log, and the caller is
     * put through to a person rather than sent through menus nobody hears (from the person's own node, on to its
     * fall-back, the mailbox).
     */
    private IvrNode afterFailedPrompt(AgiChannel channel, IvrCall call, IvrMenu menu, IvrNode at, PromptFailed failed)
            throws AgiException {
        channel.getChannelStatus();
        LOG.warning(() -> "Asterisk could not play " + failed.prompt() + " to call " + call.uid + " (language "
                + call.language + "): is the prompt installed in that language's sounds folder (install-prompts)?"
                + " The caller is put through to a person");
        call.step("PROMPT_FAILED");
        Optional<IvrNode> person = menu.person();
        if (person.isEmpty() || person.get().code().equals(at.code())) {
            return at.onFailure() == null ? null : menu.node(at.onFailure());
        }
        return person.get();
    }

    /** Runs an action node and returns the node the call goes to next (null to end the call). */
    private IvrNode act(AgiChannel channel, IvrCall call, IvrMenu menu, IvrNode node) throws AgiException {
        switch (node.action()) {
            case BILL_INQUIRY -> {
                if (!knowsAccount(channel, call, node)) {
                    return menu.node(node.onFailure());
                }
                Optional<BillingService.BillSummary> bill = billing.summary(call.caller.accountId());
                if (bill.isPresent()) {
                    Prompts.play(channel, IvrReadouts.bill(call.say(), bill.get()));
                } else {
                    Prompts.play(channel, Prompt.NO_BILL);
                }
                call.selfServed();
                return menu.node(node.next());
            }
            case BILL_STATEMENT -> {
                if (!knowsAccount(channel, call, node)) {
                    return menu.node(node.onFailure());
                }
                for (int attempt = 0; attempt <= node.maxRetries(); attempt++) {
                    Optional<YearMonth> month = statementMonth(Prompts.read(channel, Prompt.ENTER_MONTH, MONTH_TIMEOUT_MILLIS, 6));
                    Optional<BillingService.MonthStatement> statement = month.flatMap(m -> billing.statement(call.caller.accountId(), m));
                    if (statement.isPresent()) {
                        call.step("MONTH:" + month.get());
                        Prompts.play(channel, IvrReadouts.statement(call.say(), statement.get()));
                        call.selfServed();
                        return menu.node(node.next());
                    }
                    call.step("MONTH:" + (month.isPresent() ? "NO_BILL" : "INVALID"));
                    Prompts.play(channel, month.isPresent() ? Prompt.NO_BILL_FOR_MONTH : Prompt.INVALID_MONTH);
                }
                return menu.node(node.onFailure());
            }
            case FAULT_REPORT -> {
                if (!knowsAccount(channel, call, node)) {
                    return menu.node(node.onFailure());
                }
                String confirm = Prompts.choose(channel, Prompt.CONFIRM_FAULT_ADDRESS, node.timeoutMillis());
                if (!"1".equals(confirm)) {
                    call.step("FAULT:NOT_CONFIRMED");
                    return menu.node(node.onFailure());
                }
                String orderNo = calls.reportFault(call.id(), call.caller.accountId(), node.argument(), call.callerNumber);
                call.step("ORDER:" + orderNo);
                // the six-digit reference, which the caller can key in later, rather than the 18-character number
                String reference = workOrders.phoneReference(orderNo).orElseThrow();
                Prompts.play(channel, call.say().then(Prompt.FAULT_ACCEPTED).digits(reference).build());
                call.selfServed();
                return menu.node(node.next());
            }
            case ORDER_STATUS -> {
                for (int attempt = 0; attempt <= node.maxRetries(); attempt++) {
                    String digits = Prompts.read(channel, Prompt.ENTER_ORDER_NUMBER, ORDER_TIMEOUT_MILLIS, ORDER_REFERENCE_DIGITS);
                    Optional<WorkOrderState> state = workOrders.findForCaller(digits, call.callerNumber,
                            call.caller == null ? null : call.caller.customerId()).map(o -> o.getState());
                    if (state.isPresent()) {
                        call.step("STATUS:" + state.get());
                        Prompts.play(channel, Prompt.orderState(state.get()));
                        call.selfServed();
                        return menu.node(node.next());
                    }
                    call.step("STATUS:NOT_FOUND");
                    Prompts.play(channel, Prompt.ORDER_NOT_FOUND);
                }
                return menu.node(node.onFailure());
            }
            case READ_ARTICLE -> {
                Optional<String> answer = articleAnswer(node.argument(), call.language).flatMap(text -> speech.prompt(call.language, text));
                if (answer.isEmpty()) {
                    call.step("ARTICLE:UNAVAILABLE");
                    Prompts.play(channel, Prompt.FAQ_UNAVAILABLE);
                    return menu.node(node.onFailure());
                }
                call.step("ARTICLE");
                Prompts.play(channel, answer.get());
                call.selfServed();
                return menu.node(node.next());
            }
            case VOICEMAIL -> {
                Recordings.Recording message = recordings.voicemail(channel, call.uid);
                // a caller who hangs up while speaking has still left a message; one who said nothing has not
                if (message.written()) {
                    calls.voicemailLeft(call.id(), call.caller == null ? null : call.caller.accountId(), message.file(),
                            message.seconds());
                    call.step("MESSAGE");
                    call.outcome = CallOutcome.VOICEMAIL;
                } else if (message.outcome() == Recordings.Outcome.NOT_WRITTEN) {
                    // the caller spoke for nothing: they are told, not thanked
                    call.step("MESSAGE:NOT_SAVED");
                    call.outcome = CallOutcome.ABANDONED;
                    Prompts.play(channel, Prompt.MESSAGE_NOT_SAVED);
                } else {
                    call.step("MESSAGE:NONE");
                    call.outcome = CallOutcome.ABANDONED;
                }
                call.cause = "NORMAL";
                return menu.node(node.next());
            }
            case TRANSFER -> {
                return agentLine.transfer(channel, call, menu, node);
            }
            case SET_LANGUAGE -> {
                channel.setVariable("CHANNEL(language)", node.argument());
                call.language = SpokenLanguage.ofChannel(node.argument());
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

    /** The caller known by caller ID (null if not, or not to one account's certainty) and their area's outages. */
    private record Greeting(Caller caller, List<IvrReadouts.Outage> outages) {
    }

    /** Who calls and what to tell them first, the outages' reasons already synthesized (all while the welcome plays). */
    private Greeting greeting(String callerNumber, SpokenLanguage language) {
        Caller caller = calls.identifyByCallerId(callerNumber).orElse(null);
        if (caller == null || caller.accountId() == null) {
            return new Greeting(caller, List.of());
        }
        return new Greeting(caller, outages.noticesFor(caller.accountId()).stream().map(notice -> new IvrReadouts.Outage(notice,
                speech.prompt(language, language == SpokenLanguage.EN && notice.reasonEn() != null ? notice.reasonEn()
                        : notice.reasonZh()))).toList());
    }

    /**
     * The answer of the article the node names for the caller's language ({@code "KBS012 KBS042"}: one code per
     * language, the first the caller's): only a published article for the public is read to a caller.
     */
    private Optional<String> articleAnswer(String codes, SpokenLanguage language) {
        if (codes == null) {
            return Optional.empty();
        }
        for (String code : codes.trim().split("\\s+")) {
            Optional<Article> article = knowledge.find(code).filter(a -> a.getState() == ArticleState.PUBLISHED
                    && a.getAudience() == Audience.PUBLIC && SpokenLanguage.ofChannel(a.getLanguage()) == language);
            if (article.isPresent()) {
                return Optional.ofNullable(article.get().live().getAnswer());
            }
        }
        return Optional.empty();
    }

    /** Tells an identified caller about outages in their area before anything else. */
    private void announceOutages(AgiChannel channel, IvrCall call, List<IvrReadouts.Outage> notices) throws AgiException {
        for (IvrReadouts.Outage outage : notices) {
            call.step(outage.notice().active() ? "OUTAGE:ACTIVE" : "OUTAGE:PLANNED");
            Prompts.play(channel, IvrReadouts.outage(call.say(), outage));
        }
    }

    /** True once the call's account is known: from caller ID already, or typed in now (then remembered). */
    private boolean knowsAccount(AgiChannel channel, IvrCall call, IvrNode node) throws AgiException {
        if (call.caller != null && call.caller.accountId() != null) {
            return true;
        }
        Optional<Caller> typed = askForAccount(channel, call, node);
        typed.ifPresent(caller -> call.caller = caller);
        return typed.isPresent();
    }

    /** Asks for the ten-digit account number, checking length and check digit, with the node's retries. */
    private Optional<Caller> askForAccount(AgiChannel channel, IvrCall call, IvrNode node) throws AgiException {
        for (int attempt = 0; attempt <= node.maxRetries(); attempt++) {
            String typed = Prompts.read(channel, Prompt.ENTER_ACCOUNT, ACCOUNT_TIMEOUT_MILLIS, ACCOUNT_DIGITS);
            Optional<Caller> caller = typed.isEmpty() ? Optional.empty() : calls.identifyByAccount(typed);
            call.step(caller.isPresent() ? "ID:ACCOUNT" : "ACCOUNT:" + (typed.isEmpty()
                    ? "SILENCE" : "INVALID"));
            if (caller.isPresent()) {
                return caller;
            }
            Prompts.play(channel, Prompt.INVALID_ACCOUNT);
        }
        return Optional.empty();
    }

    private static String sanitize(String input) {
        String kept = input.replaceAll("[^0-9A-Za-z*#_]", "?");
        return kept.length() > 12 ? kept.substring(0, 12) : kept;
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
}
