package org.utilitydesk.application.internal;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.utilitydesk.application.CallRouting;
import org.utilitydesk.application.OutboundCalls;
import org.utilitydesk.domain.model.call.OutboundCall;
import org.utilitydesk.domain.model.acd.AgentChange;
import org.utilitydesk.domain.model.acd.AgentProfile;
import org.utilitydesk.domain.model.acd.AgentState;
import org.utilitydesk.domain.model.acd.AgentStateException;
import org.utilitydesk.domain.model.acd.AgentStatus;
import org.utilitydesk.domain.model.acd.InMemoryRouter;
import org.utilitydesk.domain.model.acd.Offer;
import org.utilitydesk.domain.model.acd.Relaxation;
import org.utilitydesk.domain.model.acd.Router;
import org.utilitydesk.domain.model.acd.RouterSnapshot;
import org.utilitydesk.domain.model.acd.Routing;
import org.utilitydesk.domain.model.acd.WaitingCall;
import org.utilitydesk.domain.service.Telephone;
import org.utilitydesk.domain.service.Telephone.PhoneState;
import org.utilitydesk.infrastructure.scheduling.RepeatingWork;

/**
 * The ACD of this server: the {@link Router} holds who is ready and who waits; this bean loads agents and
 * queue settings, writes the agent state log (in the order states changed, off the caller's thread), hands
 * offers to the IVR thread holding the caller, keeps what the desk shows of each call, and once a second
 * lets wrap-ups run out and relaxed requirements find agents.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DefaultCallRouting extends RepeatingWork implements CallRouting {

    private static final Logger LOG = Logger.getLogger(DefaultCallRouting.class.getName());
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final int MAX_NOTES = 2000;
    private static final long FIGURES_CACHE_MILLIS = 2_000;
    private static final int MAX_CALLBACK_ATTEMPTS = 3;
    private static final long REFERENCE_MILLIS = 60_000;
    /** A transferred caller has talked to someone already: they go ahead of VIPs, complaints and repeat callers. */
    static final int TRANSFERRED = 40;
    /** The proficiency that makes an agent an expert in a skill (a transfer to experts never relaxes it). */
    static final int EXPERT_PROFICIENCY = 8;
    private static final String PHONE_OFFLINE = "PHONE_OFFLINE";

    @Inject
    private AcdRecords records;

    @Inject
    private Clock clock;

    @Inject
    private OutboundCalls outbound;

    @Inject
    private Telephone telephone;

    /** Where an agent's leg of a held call waits, in silence, until it is put through again. */
    @Inject
    @ConfigProperty(name = "utilitydesk.acd.agent-hold-context", defaultValue = "utilitydesk-agent-hold")
    private String agentHoldContext;

    /** How long a caller who could not be reached for their callback waits for the next attempt. */
    @Inject
    @ConfigProperty(name = "utilitydesk.acd.callback-retry-seconds", defaultValue = "60")
    private int callbackRetrySeconds;

    @Resource
    private ManagedExecutorService executor;

    private final ConcurrentLinkedQueue<AgentChange> journal = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean journalWriting = new AtomicBoolean();
    /** Changes taken from the journal and not yet written; touched only by the one writer. */
    private final List<AgentChange> unwritten = new ArrayList<>();
    private final Router router = new InMemoryRouter(journal::add);
    private final Map<Long, AcdRecords.Agent> agents = new ConcurrentHashMap<>();
    private final Map<String, Long> agentIds = new ConcurrentHashMap<>();
    private final Map<Long, CallInfo> calls = new ConcurrentHashMap<>();
    /** When routing offered each call (the screen-pop's starting point). */
    private final Map<Long, Instant> offeredAt = new ConcurrentHashMap<>();
    private final Map<String, Long> callsByUid = new ConcurrentHashMap<>();
    private final Map<Long, CompletableFuture<Offer>> offers = new ConcurrentHashMap<>();
    /** The call each agent is wrapping up (or wrapped up last, until they submit it). */
    private final Map<Long, Long> wrapping = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    /** The callback each outbound call was placed for. */
    private final Map<Long, Long> callbacksByOutbound = new ConcurrentHashMap<>();
    private final Map<Long, Integer> callbackAttempts = new ConcurrentHashMap<>();
    /** Callbacks not reached, and when they go back in line. */
    private final Map<Long, Instant> callbackRetries = new ConcurrentHashMap<>();
    private final AtomicBoolean wallboardDirty = new AtomicBoolean(true);
    /** The agent's channel of each connected call, as the telephone system named it when the agent picked up. */
    private final Map<Long, String> agentLegs = new ConcurrentHashMap<>();
    private final Set<Long> held = ConcurrentHashMap.newKeySet();
    /** Calls being transferred or hung up from the desk: a second click does nothing. */
    private final Set<Long> ending = ConcurrentHashMap.newKeySet();
    private final Map<Long, LinkedBlockingQueue<DeskRequest>> deskRequests = new ConcurrentHashMap<>();
    private volatile long[] figures;
    private volatile long figuresAt;
    private volatile LocalDate figuresDay;

    private record ReferenceData(List<AcdRecords.Skill> skills, List<Choice> dispositions, List<Choice> reasons, long loadedAt) {
    }

    private volatile ReferenceData reference;

    private record CallInfo(QueueRequest request, AcdRecords.QueueSettings queue, int priority, AcdRecords.Caller caller,
                            Instant queuedAt) {
    }

    @PostConstruct
    void start() {
        Instant now = clock.instant();
        int closed = records.closeOpenStates(now);
        if (closed > 0) {
            LOG.info(() -> "ACD started: " + closed + " agent states left open by the last run closed; agents log in again");
        }
        List<AcdRecords.OpenCallback> owed = records.openCallbacks();
        for (AcdRecords.OpenCallback c : owed) {
            AcdRecords.QueueSettings queue = records.queueFor(c.skill());
            List<String> path = c.ivrPath() == null ? List.of() : List.of(c.ivrPath().split(">"));
            calls.put(c.callId(), new CallInfo(new QueueRequest(c.callId(), c.callUid(), c.callerNumber(), c.customerId(),
                    c.accountId(), c.skill(), path), queue, c.priority(), new AcdRecords.Caller(false, false), c.queuedAt()));
            callbackAttempts.put(c.callId(), c.attempts());
            apply(router.enqueue(new WaitingCall(c.callId(), c.skill(), c.priority(), c.queuedAt(), queue.relaxation(), true), now));
        }
        if (!owed.isEmpty()) {
            LOG.info(() -> owed.size() + " callbacks owed to callers are back in line at their places");
        }
    }

    // ---------------------------------------------------------------- agents

    @Override
    public AgentView login(String username) {
        AcdRecords.Agent agent = records.agent(username)
                .orElseThrow(() -> new AgentStateException("acd.notAnAgent", username + " is not an agent"));
        agents.put(agent.profile().agentId(), agent);
        agentIds.put(username, agent.profile().agentId());
        Map<String, Integer> skills = new HashMap<>(agent.profile().skills());
        skills.put(PERSONAL_LINE + username, 10);
        AgentProfile profile = agent.profile();
        apply(router.login(new AgentProfile(profile.agentId(), profile.username(), profile.extension(), skills), clock.instant()));
        LOG.info(() -> "agent " + username + " logged in on extension " + agent.profile().extension());
        return view(agent.profile().agentId());
    }

    @Override
    public AgentView ready(String username) {
        long id = loggedIn(username);
        String extension = router.agent(id).map(a -> a.profile().extension()).orElse(null);
        if (extension != null && telephone.phoneState(extension) == PhoneState.UNAVAILABLE) {
            throw new AgentStateException("acd.phoneOffline", "extension " + extension + " of " + username + " is not registered");
        }
        apply(router.ready(id, clock.instant()));
        return view(id);
    }

    @Override
    public AgentView notReady(String username, String reason) {
        long id = loggedIn(username);
        if (reason == null || reference().reasons().stream().noneMatch(r -> r.code().equals(reason))) {
            throw new AgentStateException("acd.unknownReason", "no not-ready reason " + reason);
        }
        apply(router.notReady(id, reason, clock.instant()));
        return view(id);
    }

    @Override
    public void logout(String username) {
        Optional<Long> id = agentId(username);
        if (id.isPresent()) {
            apply(router.logout(id.get(), clock.instant()));
            LOG.info(() -> "agent " + username + " logged out");
        }
    }

    @Override
    public Optional<AgentView> agent(String username) {
        return agentId(username).map(this::view);
    }

    @Override
    public Optional<String> extensionOf(String username) {
        return records.agent(username).map(a -> a.profile().extension());
    }

    @Override
    public AgentView wrapUp(String username, long callId, String disposition, String notes) {
        long id = loggedIn(username);
        Optional<Choice> chosen = reference().dispositions().stream().filter(d -> d.code().equals(disposition)).findFirst();
        if (chosen.isEmpty()) {
            throw new AgentStateException("acd.dispositionRequired", "no disposition " + disposition);
        }
        String text = notes == null ? null : notes.strip();
        if (chosen.get().needsNote() && (text == null || text.isEmpty())) {
            throw new AgentStateException("acd.noteRequired", "disposition " + disposition + " needs a note");
        }
        if (text != null && text.length() > MAX_NOTES) {
            throw new AgentStateException("acd.noteTooLong", "notes longer than " + MAX_NOTES);
        }
        if (!records.wrapUp(callId, id, disposition, text == null || text.isEmpty() ? null : text, clock.instant())) {
            throw new AgentStateException("acd.notYourCall", "call " + callId + " was not taken by agent " + id);
        }
        if (wrapping.remove(id, callId)) {
            forget(callId);
            router.agent(id).filter(s -> s.state() == AgentState.WRAP_UP)
                    .ifPresent(s -> apply(router.wrapUpDone(id, clock.instant())));
        }
        return view(id);
    }

    @Override
    public Optional<OfferedCall> currentCall(String username) {
        Optional<Long> id = agentId(username);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        Optional<AgentStatus> status = router.agent(id.get());
        Long callId = status.map(AgentStatus::callId).orElse(null);
        if (callId == null) {
            callId = wrapping.get(id.get());
        }
        CallInfo info = callId == null ? null : calls.get(callId);
        if (info == null) {
            return Optional.empty();
        }
        QueueRequest r = info.request();
        return Optional.of(new OfferedCall(r.callId(), r.callUid(), r.callerNumber(), r.customerId(), r.accountId(), r.skill(),
                info.priority(), info.caller().repeat(), info.caller().vip(), r.ivrPath(), info.queuedAt(),
                status.map(AgentStatus::state).orElse(AgentState.LOGGED_OUT), offeredAt.get(callId), held.contains(callId)));
    }

    @Override
    public OfferedCall linkCustomer(String username, long callId, long customerId) {
        long id = loggedIn(username);
        Long held = router.agent(id).map(AgentStatus::callId).orElse(null);
        CallInfo info = calls.get(callId);
        if (info == null || !(Long.valueOf(callId).equals(held) || Long.valueOf(callId).equals(wrapping.get(id)))) {
            throw new AgentStateException("acd.notYourCall", "call " + callId + " is not agent " + id + "'s");
        }
        records.linkCustomer(callId, customerId);
        QueueRequest r = info.request();
        calls.put(callId, new CallInfo(new QueueRequest(r.callId(), r.callUid(), r.callerNumber(), customerId, null, r.skill(),
                r.ivrPath()), info.queue(), info.priority(), info.caller(), info.queuedAt()));
        return currentCall(username).orElseThrow();
    }

    @Override
    public List<Choice> notReadyReasons() {
        return reference().reasons();
    }

    @Override
    public List<Choice> dispositions() {
        return reference().dispositions();
    }

    // ---------------------------------------------------------------- the call in hand

    @Override
    public List<TransferTarget> transferTargets(String username) {
        long self = loggedIn(username);
        List<TransferTarget> targets = new ArrayList<>();
        for (AcdRecords.Skill skill : reference().skills()) {
            if (skill.queued()) {
                targets.add(new TransferTarget(TransferKind.QUEUE, skill.code(), skill.nameZh(), skill.nameEn()));
            }
        }
        for (AcdRecords.Skill skill : reference().skills()) {
            targets.add(new TransferTarget(TransferKind.EXPERT, skill.code(), skill.nameZh(), skill.nameEn()));
        }
        agents.values().stream().filter(a -> a.profile().agentId() != self)
                .filter(a -> router.agent(a.profile().agentId()).map(s -> s.state() != AgentState.LOGGED_OUT).orElse(false))
                .sorted(Comparator.comparing(AcdRecords.Agent::agentNo, Comparator.nullsLast(Comparator.naturalOrder())))
                .forEach(a -> targets.add(new TransferTarget(TransferKind.AGENT, a.profile().username(),
                        a.agentNo() + " " + a.profile().username(), a.agentNo() + " " + a.profile().username())));
        return targets;
    }

    @Override
    public AgentView hold(String username) {
        long id = loggedIn(username);
        long callId = callInHand(id);
        String leg = legOf(callId);
        if (ending.contains(callId) || !held.add(callId)) {
            return view(id); // already on hold, or on its way elsewhere
        }
        try {
            ask(callId, new DeskRequest(DeskRequest.Kind.HOLD, leg, null, null), () -> telephone.redirect(leg, agentHoldContext, "s"));
        } catch (AgentStateException e) {
            held.remove(callId);
            throw e;
        }
        LOG.info(() -> "agent " + username + " put call " + callId + " on hold");
        changed(username);
        return view(id);
    }

    @Override
    public AgentView resume(String username) {
        long id = loggedIn(username);
        long callId = callInHand(id);
        if (ending.contains(callId) || !held.remove(callId)) {
            return view(id);
        }
        // the IVR holding the caller is waiting for this: it bridges the caller to the agent's leg again
        requests(callId).add(new DeskRequest(DeskRequest.Kind.RESUME, legOf(callId), null, null));
        LOG.info(() -> "agent " + username + " took call " + callId + " off hold");
        changed(username);
        return view(id);
    }

    @Override
    public AgentView transfer(String username, TransferKind kind, String code) {
        long id = loggedIn(username);
        long callId = callInHand(id);
        if (kind == null || code == null || transferTargets(username).stream()
                .noneMatch(t -> t.kind() == kind && t.code().equals(code))) {
            throw new AgentStateException("acd.unknownTransferTarget", "no transfer target " + kind + " " + code);
        }
        if (endFromDesk(callId, DeskRequest.Kind.TRANSFER, kind, code)) {
            LOG.info(() -> "agent " + username + " transfers call " + callId + " to " + kind + " " + code);
        }
        return view(id);
    }

    @Override
    public AgentView hangUp(String username) {
        long id = loggedIn(username);
        long callId = callInHand(id);
        if (endFromDesk(callId, DeskRequest.Kind.HANG_UP, null, null)) {
            LOG.info(() -> "agent " + username + " hung up call " + callId);
        }
        return view(id);
    }

    /**
     * Transfer and hang-up: the agent's leg is hung up, the IVR carries out the request. False for a second
     * click (the first is under way).
     */
    private boolean endFromDesk(long callId, DeskRequest.Kind kind, TransferKind transferKind, String target) {
        String leg = legOf(callId);
        if (!ending.add(callId)) {
            return false;
        }
        boolean wasHeld = held.remove(callId); // the leg waiting on hold is hung up by this, not again later
        try {
            ask(callId, new DeskRequest(kind, leg, transferKind, target), () -> telephone.hangUp(leg));
            return true;
        } catch (AgentStateException e) {
            ending.remove(callId);
            if (wasHeld) {
                held.add(callId);
            }
            throw e;
        }
    }

    /** The call the agent is talking on; the controls are refused otherwise (ringing, wrap-up, no call). */
    private long callInHand(long agentId) {
        return router.agent(agentId).filter(s -> s.state() == AgentState.ON_CALL && s.callId() != null).map(AgentStatus::callId)
                .orElseThrow(() -> new AgentStateException("acd.notTalking", "agent " + agentId + " is not talking on a call"));
    }

    /** The agent's leg of the call; unknown when the telephone system never reported it (not connected, or a callback). */
    private String legOf(long callId) {
        String leg = agentLegs.get(callId);
        if (leg == null) {
            throw new AgentStateException("acd.phoneControlUnavailable", "no agent channel known for call " + callId);
        }
        return leg;
    }

    /**
     * Leaves the request for the IVR first, then has the telephone system take the agent's leg out of the
     * conversation (which returns the IVR's dial). Refused with the request withdrawn if the telephone
     * system cannot do it.
     */
    private void ask(long callId, DeskRequest request, Runnable onThePhone) {
        LinkedBlockingQueue<DeskRequest> queue = requests(callId);
        queue.add(request);
        try {
            onThePhone.run();
        } catch (Telephone.TelephoneUnavailableException e) {
            queue.remove(request);
            LOG.warning(() -> "call " + callId + ": " + request.kind() + " not carried out by the telephone system: " + e.getMessage());
            throw new AgentStateException("acd.phoneControlUnavailable", e.getMessage());
        }
    }

    private LinkedBlockingQueue<DeskRequest> requests(long callId) {
        return deskRequests.computeIfAbsent(callId, id -> new LinkedBlockingQueue<>());
    }

    private void changed(String username) {
        for (Listener listener : listeners) {
            notify(() -> listener.agentChanged(username));
        }
    }

    @Override
    public Optional<DeskRequest> deskRequest(long callId) {
        LinkedBlockingQueue<DeskRequest> queue = deskRequests.get(callId);
        return Optional.ofNullable(queue == null ? null : queue.poll());
    }

    @Override
    public Optional<DeskRequest> awaitDeskRequest(long callId, Duration max) {
        try {
            return Optional.ofNullable(requests(callId).poll(Math.max(1, max.toMillis()), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public Queued transferred(long callId, TransferKind kind, String target) {
        Instant now = clock.instant();
        CallInfo info = calls.get(callId);
        // the transferring agent's part is over: free at once, the call record waits for the next agent
        apply(router.ended(callId, Duration.ZERO, now));
        releaseLeg(callId);
        records.transferred(callId);
        if (info == null) {
            return new Queued(Admission.UNSTAFFED, 0, 0, 0);
        }
        String skill = CallRouting.lineOf(kind, target);
        AcdRecords.QueueSettings queue = records.queueFor(kind == TransferKind.AGENT ? info.request().skill() : target);
        Relaxation relaxation = switch (kind) {
            case QUEUE -> queue.relaxation();
            case EXPERT -> new Relaxation(List.of(new Relaxation.Step(0, EXPERT_PROFICIENCY)));
            case AGENT -> Relaxation.NONE;
        };
        if (!router.staffed(skill)) {
            return new Queued(Admission.UNSTAFFED, queue.maxWaitSeconds(), queue.ringSeconds(), 0);
        }
        int priority = info.priority() + TRANSFERRED;
        QueueRequest r = info.request();
        calls.put(callId, new CallInfo(new QueueRequest(callId, r.callUid(), r.callerNumber(), r.customerId(), r.accountId(), skill,
                r.ivrPath()), queue, priority, info.caller(), now));
        callsByUid.put(r.callUid(), callId);
        offeredAt.remove(callId);
        records.queued(callId, queue.queueId(), priority, now);
        apply(router.enqueue(new WaitingCall(callId, skill, priority, now, relaxation, false), now));
        return new Queued(Admission.WAITING, queue.maxWaitSeconds(), queue.ringSeconds(), priority);
    }

    /** Forgets the agent's leg of a call; one left waiting on hold is hung up (the caller is gone or elsewhere). */
    private void releaseLeg(long callId) {
        String leg = agentLegs.remove(callId);
        boolean wasHeld = held.remove(callId);
        ending.remove(callId);
        deskRequests.remove(callId);
        if (wasHeld && leg != null) {
            try {
                telephone.hangUp(leg);
            } catch (Telephone.TelephoneUnavailableException e) {
                LOG.fine(() -> "agent leg " + leg + " of call " + callId + " already gone: " + e.getMessage());
            }
        }
    }

    @Override
    public void phoneChanged(String extension, boolean available) {
        if (available) {
            return; // the agent says when they are ready again
        }
        for (AcdRecords.Agent agent : agents.values()) {
            long id = agent.profile().agentId();
            Optional<AgentStatus> status = router.agent(id);
            if (extension.equals(agent.profile().extension()) && status.map(s -> s.state() == AgentState.READY).orElse(false)) {
                LOG.warning(() -> "phone " + extension + " of agent " + agent.profile().username() + " went offline; not ready");
                apply(router.notReady(id, PHONE_OFFLINE, clock.instant()));
            }
        }
    }

    // ---------------------------------------------------------------- callers

    @Override
    public Queued queue(QueueRequest request) {
        Instant now = clock.instant();
        AcdRecords.QueueSettings queue = records.queueFor(request.skill());
        if (!queue.openAt(LocalTime.ofInstant(now, ZONE))) {
            return new Queued(Admission.CLOSED, queue.maxWaitSeconds(), queue.ringSeconds(), 0);
        }
        if (!router.staffed(request.skill())) {
            return new Queued(Admission.UNSTAFFED, queue.maxWaitSeconds(), queue.ringSeconds(), 0);
        }
        AcdRecords.Caller caller = records.caller(request.callId(), request.callerNumber(), request.customerId(), now);
        int priority = (caller.vip() ? AcdRecords.VIP : 0) + ("COMPLAINT".equals(request.skill()) ? AcdRecords.COMPLAINT : 0)
                + (caller.repeat() ? AcdRecords.REPEAT : 0);
        records.queued(request.callId(), queue.queueId(), priority, now);
        calls.put(request.callId(), new CallInfo(request, queue, priority, caller, now));
        callsByUid.put(request.callUid(), request.callId());
        apply(router.enqueue(new WaitingCall(request.callId(), request.skill(), priority, now, queue.relaxation(), false), now));
        return new Queued(Admission.WAITING, queue.maxWaitSeconds(), queue.ringSeconds(), priority);
    }

    @Override
    public Optional<AgentToRing> awaitAgent(long callId, Duration max) {
        CompletableFuture<Offer> offer = offers.computeIfAbsent(callId, id -> new CompletableFuture<>());
        try {
            Offer made = offer.get(Math.max(1, max.toMillis()), TimeUnit.MILLISECONDS);
            offers.remove(callId, offer);
            AcdRecords.Agent agent = agents.get(made.agentId());
            return Optional.of(new AgentToRing(made.agentId(), agent == null ? null : agent.agentNo(), made.agent().extension()));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException("offer for call " + callId + " failed", e.getCause());
        }
    }

    @Override
    public boolean staffed(String skill) {
        return router.staffed(skill);
    }

    @Override
    public void agentAnswered(long callId) {
        Optional<Long> agentId = router.agentOf(callId);
        if (agentId.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Routing routing = router.answered(callId, now);
        if (!routing.isEmpty()) {
            records.agentAnswered(callId, agentId.get(), now);
        }
        apply(routing);
    }

    @Override
    public void agentAnswered(String callUid, String agentChannel) {
        Long callId = callsByUid.get(callUid);
        if (callId != null) {
            if (agentChannel != null && !agentChannel.isBlank()) {
                agentLegs.put(callId, agentChannel);
            }
            agentAnswered(callId);
        }
    }

    @Override
    public void notAnswered(long callId) {
        apply(router.ringNoAnswer(callId, clock.instant()));
    }

    @Override
    public void conversationEnded(long callId) {
        Optional<Long> agentId = router.agentOf(callId);
        CallInfo info = calls.get(callId);
        Duration wrapUp = Duration.ofSeconds(info == null ? 60 : info.queue().wrapUpSeconds());
        agentId.ifPresent(id -> wrapping.put(id, callId));
        apply(router.ended(callId, wrapUp, clock.instant()));
        releaseLeg(callId);
        offers.remove(callId);
        if (info != null) {
            callsByUid.remove(info.request().callUid());
        }
    }

    @Override
    public void left(long callId) {
        if (talking(callId)) {
            conversationEnded(callId); // they talked; the caller's side ended it
            return;
        }
        apply(router.leave(callId, clock.instant()));
        offers.remove(callId);
        CallInfo info = forget(callId);
        if (info != null) {
            callsByUid.remove(info.request().callUid());
        }
    }

    private CallInfo forget(long callId) {
        offeredAt.remove(callId);
        return calls.remove(callId);
    }

    @Override
    public void hungUp(String callUid) {
        Long callId = callsByUid.get(callUid);
        if (callId != null && router.isWaiting(callId)) {
            left(callId);
        }
    }

    @Override
    public boolean callBack(long callId) {
        CallInfo info = calls.get(callId);
        if (info == null || info.request().callerNumber() == null || !info.request().callerNumber().matches("\\+?\\d{3,20}")
                || !router.toCallback(callId)) {
            return false; // gone, or a number we cannot call back (withheld)
        }
        records.callbackRequested(callId, info.request().callerNumber(), info.request().skill(), info.priority(),
                info.queuedAt(), clock.instant());
        callsByUid.remove(info.request().callUid()); // their hang-up no longer takes them out of line
        offers.remove(callId);
        wallboardDirty.set(true);
        LOG.info(() -> "caller " + info.request().callerNumber() + " (call " + callId + ") will be called back for "
                + info.request().skill());
        return true;
    }

    @Override
    public void callbackProgressed(long outboundCallId, OutboundCalls.Progress progress) {
        Long callId = callbacksByOutbound.get(outboundCallId);
        if (callId == null) {
            return;
        }
        boolean talking = talking(callId);
        switch (progress) {
            case ANSWERED -> agentAnswered(callId);
            case ENDED -> {
                callbacksByOutbound.remove(outboundCallId);
                if (talking) {
                    conversationEnded(callId);
                    callbackAttempts.remove(callId);
                    records.callbackState(callId, "DONE", clock.instant());
                } else {
                    notReached(callId);
                }
            }
            default -> {
                callbacksByOutbound.remove(outboundCallId);
                notReached(callId);
            }
        }
    }

    /** Places the call for a callback an agent is now free for: the customer first, then their extension. */
    private void dialCallback(Offer offer) {
        CallInfo info = calls.get(offer.callId());
        AcdRecords.Agent agent = agents.get(offer.agentId());
        if (info == null || agent == null) {
            apply(router.leave(offer.callId(), clock.instant()));
            return;
        }
        int attempt = callbackAttempts.merge(offer.callId(), 1, Integer::sum);
        try {
            OutboundCall placed = outbound.dial(new OutboundCalls.DialRequest("callback-" + offer.callId() + "-" + attempt,
                    OutboundCall.Purpose.CALLBACK, info.request().callerNumber(), info.request().accountId(),
                    agent.profile().username(), agent.profile().extension()));
            callbacksByOutbound.put(placed.getId(), offer.callId());
            records.callbackDialling(offer.callId(), offer.agentId(), placed.getId());
            if (placed.getState() == OutboundCall.State.FAILED) {
                callbackProgressed(placed.getId(), OutboundCalls.Progress.FAILED);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "callback for call " + offer.callId() + " not placed", e);
            notReached(offer.callId());
        }
    }

    /** The caller was not reached: the agent is free again; the callback waits and tries again, up to three times. */
    private void notReached(long callId) {
        Instant now = clock.instant();
        apply(router.leave(callId, now));
        if (callbackAttempts.getOrDefault(callId, 0) >= MAX_CALLBACK_ATTEMPTS) {
            records.callbackState(callId, "FAILED", now);
            callbackAttempts.remove(callId);
            forget(callId);
            LOG.warning(() -> "callback for call " + callId + " given up after " + MAX_CALLBACK_ATTEMPTS + " attempts");
            return;
        }
        records.callbackState(callId, "WAITING", now);
        callbackRetries.put(callId, now.plusSeconds(callbackRetrySeconds));
    }

    /** Callbacks whose retry time has come go back in line at the place they had. */
    private void requeueCallbacks(Instant now) {
        callbackRetries.forEach((callId, at) -> {
            CallInfo info = calls.get(callId);
            if (!at.isAfter(now) && callbackRetries.remove(callId, at) && info != null) {
                apply(router.enqueue(new WaitingCall(callId, info.request().skill(), info.priority(), info.queuedAt(),
                        info.queue().relaxation(), true), now));
            }
        });
    }

    // ---------------------------------------------------------------- the wallboard

    @Override
    public Wallboard wallboard() {
        Instant now = clock.instant();
        RouterSnapshot snapshot = router.snapshot(now);
        List<LineFigures> lines = new ArrayList<>();
        for (AcdRecords.Skill skill : reference().skills()) {
            RouterSnapshot.Line line = snapshot.lines().get(skill.code());
            if (line != null || skill.queued()) {
                lines.add(new LineFigures(skill.code(), skill.nameZh(), skill.nameEn(), line == null ? 0 : line.waiting(),
                        line == null ? 0 : line.callbacks(), line == null ? 0 : line.longestWaitSeconds()));
            }
        }
        // callers transferred to one colleague wait on that agent's personal line: shown together as one line
        List<RouterSnapshot.Line> personal = snapshot.lines().values().stream().filter(l -> l.skill().startsWith(PERSONAL_LINE)).toList();
        if (!personal.isEmpty()) {
            lines.add(new LineFigures("AGENT", "指定坐席", "Named agent", personal.stream().mapToInt(RouterSnapshot.Line::waiting).sum(),
                    personal.stream().mapToInt(RouterSnapshot.Line::callbacks).sum(),
                    personal.stream().mapToLong(RouterSnapshot.Line::longestWaitSeconds).max().orElse(0)));
        }
        long[] today = figuresToday(now);
        List<AgentView> views = snapshot.agents().stream().map(this::view)
                .sorted(Comparator.comparing(AgentView::agentNo, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
        // 80/20: answered within the queue's target, of all calls answered or abandoned in line
        long settled = today[1] + today[2];
        return new Wallboard(now, lines, snapshot.agentsByState(), views, today[0], today[1], today[2], today[3],
                settled == 0 ? null : 100.0 * today[3] / settled);
    }

    private long[] figuresToday(Instant now) {
        LocalDate day = LocalDate.ofInstant(now, ZONE);
        long[] cached = figures;
        if (cached != null && day.equals(figuresDay) && System.currentTimeMillis() - figuresAt < FIGURES_CACHE_MILLIS) {
            return cached;
        }
        long[] fresh = records.figuresSince(day.atStartOfDay(ZONE).toInstant());
        figures = fresh;
        figuresDay = day;
        figuresAt = System.currentTimeMillis();
        return fresh;
    }

    @Override
    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    // ---------------------------------------------------------------- time passing

    @Override
    protected String name() {
        return "acd-tick";
    }

    @Override
    protected int intervalSeconds() {
        return 1;
    }

    @Override
    protected void round() {
        requeueCallbacks(clock.instant());
        apply(router.tick(clock.instant()));
        writeJournal();
        if (wallboardDirty.getAndSet(false) || router.anyoneWaiting()) {
            figuresAt = 0;
            for (Listener listener : listeners) {
                notify(() -> listener.wallboardChanged());
            }
        }
    }

    // ---------------------------------------------------------------- acting on decisions

    /** Hands each offer to the caller's IVR thread, records it, and tells the desks and the wallboard. */
    private void apply(Routing routing) {
        if (routing.isEmpty()) {
            return;
        }
        for (Offer offer : routing.offers()) {
            Long previous = wrapping.remove(offer.agentId());
            if (previous != null && previous != offer.callId()) {
                forget(previous);
            }
            offeredAt.put(offer.callId(), offer.at());
            try {
                records.offered(offer.callId(), offer.agentId());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not record that call " + offer.callId() + " rings agent " + offer.agentId(), e);
            }
            if (offer.call().callback()) {
                executor.execute(() -> dialCallback(offer));
            } else {
                offers.computeIfAbsent(offer.callId(), id -> new CompletableFuture<>()).complete(offer);
            }
        }
        writeJournal();
        wallboardDirty.set(true);
        routing.changes().stream().map(AgentChange::agentId).distinct().forEach(id -> {
            AcdRecords.Agent agent = agents.get(id);
            if (agent != null) {
                for (Listener listener : listeners) {
                    notify(() -> listener.agentChanged(agent.profile().username()));
                }
            }
        });
    }

    /**
     * Writes queued state changes in order, on one thread at a time, off the caller's thread. A batch the
     * database refused is kept and written first on the next attempt (the next tick at the latest).
     */
    private void writeJournal() {
        if ((journal.isEmpty() && unwritten.isEmpty()) || !journalWriting.compareAndSet(false, true)) {
            return;
        }
        executor.execute(() -> {
            boolean failed = false;
            try {
                while (true) {
                    AgentChange change;
                    while (unwritten.size() < 200 && (change = journal.poll()) != null) {
                        unwritten.add(change);
                    }
                    if (unwritten.isEmpty()) {
                        break;
                    }
                    records.journal(unwritten);
                    unwritten.clear();
                }
            } catch (RuntimeException e) {
                failed = true;
                LOG.log(Level.WARNING, "agent state log not written yet (" + unwritten.size() + " changes kept); the next tick tries again", e);
            } finally {
                journalWriting.set(false);
            }
            if (!failed && !journal.isEmpty()) {
                writeJournal(); // a change queued after the loop looked
            }
        });
    }

    private static void notify(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "a desk listener failed", e);
        }
    }

    private long loggedIn(String username) {
        return agentId(username).filter(id -> router.agent(id).map(s -> s.state() != AgentState.LOGGED_OUT).orElse(false))
                .orElseThrow(() -> new AgentStateException("acd.notLoggedIn", username + " is not logged in to the ACD"));
    }

    /** Whether an agent is talking on the call (not just ringing for it). */
    private boolean talking(long callId) {
        return router.agentOf(callId).flatMap(router::agent).map(a -> a.state() == AgentState.ON_CALL).orElse(false);
    }

    private Optional<Long> agentId(String username) {
        return Optional.ofNullable(agentIds.get(username));
    }

    /** Skills, dispositions and not-ready reasons, read again at most once a minute (a change applies within a minute). */
    private ReferenceData reference() {
        ReferenceData data = reference;
        if (data == null || System.currentTimeMillis() - data.loadedAt() > REFERENCE_MILLIS) {
            data = new ReferenceData(records.skills(), records.dispositions(), records.notReadyReasons(), System.currentTimeMillis());
            reference = data;
        }
        return data;
    }

    private AgentView view(long agentId) {
        return router.agent(agentId).map(this::view)
                .orElseThrow(() -> new AgentStateException("acd.notLoggedIn", "agent " + agentId + " never logged in"));
    }

    private AgentView view(AgentStatus s) {
        AcdRecords.Agent agent = agents.get(s.profile().agentId());
        Long callId = s.callId() != null ? s.callId() : wrapping.get(s.profile().agentId());
        return new AgentView(s.profile().agentId(), s.profile().username(), agent == null ? null : agent.agentNo(),
                s.profile().extension(), s.state(), s.reason(), s.since(), callId, s.pendingReason(), s.wrapUpUntil());
    }
}
