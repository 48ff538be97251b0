package org.utilitydesk.infrastructure.telephony;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.utilitydesk.application.CallRouting;
import org.utilitydesk.domain.model.call.CallOutcome;
import org.utilitydesk.domain.model.ivr.IvrMenu;
import org.utilitydesk.domain.model.ivr.IvrNode;
import org.utilitydesk.domain.model.ivr.Prompt;

/**
 * The IVR's way to a person: it puts the caller in line with the ACD, keeps them on music on hold, rings the
 * agent routing picked, stays with the conversation (hold, resume, transfer, hang-up from the desk) and
 * offers a callback or the mailbox to a caller who waits too long.
 */
@ApplicationScoped
public class IvrAgentLine {

    private static final Logger LOG = Logger.getLogger(IvrAgentLine.class.getName());

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

    /**
     * Puts the caller in line for an agent with the node's skill and holds them (music on hold) until
     * routing picks an agent, then rings that agent's extension. A missed ring puts them back in their
     * place; past the queue's longest wait they may leave a message instead. A closed or unstaffed queue
     * says so and goes to the node's on-failure (the mailbox).
     */
    IvrNode transfer(AgiChannel channel, IvrCall call, IvrMenu menu, IvrNode node) throws AgiException {
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
            Prompts.play(channel, closed ? Prompt.AFTER_HOURS : Prompt.NO_AGENTS);
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
                            Prompts.play(channel, Prompt.NO_AGENTS);
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
                    Prompts.play(channel, Prompt.NO_AGENTS);
                    return menu.node(node.onFailure());
                }
                if (!longWaitOffered && Duration.between(since, Instant.now()).getSeconds() >= queued.maxWaitSeconds()) {
                    longWaitOffered = true;
                    channel.exec("StopMusicOnHold", "");
                    // 1: call me back (keeping my place), 2: leave a message, anything else: keep waiting
                    String key = Prompts.choose(channel, Prompt.LONG_WAIT, node.timeoutMillis());
                    if ("1".equals(key) && routing.callBack(call.id())) {
                        handedOver = true;
                        call.step("LONG_WAIT:CALLBACK");
                        Prompts.play(channel, Prompt.CALLBACK_CONFIRMED);
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
    private Optional<CallRouting.DeskRequest> converse(AgiChannel channel, IvrCall call) throws AgiException {
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
    private CallRouting.DeskRequest onHold(AgiChannel channel, IvrCall call) throws AgiException {
        while (true) {
            Optional<CallRouting.DeskRequest> asked = routing.awaitDeskRequest(call.id(), Duration.ofMillis(holdSliceMillis));
            if (asked.isPresent() && asked.get().kind() != CallRouting.DeskRequest.Kind.HOLD) {
                return asked.get();
            }
            channel.getChannelStatus();
        }
    }
}
