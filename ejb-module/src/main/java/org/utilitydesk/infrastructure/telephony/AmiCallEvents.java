package org.utilitydesk.infrastructure.telephony;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.asteriskjava.manager.event.AbstractChannelStateEvent;
import org.asteriskjava.manager.event.DeviceStateChangeEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.utilitydesk.application.CallHandling;
import org.utilitydesk.application.CallRouting;
import org.utilitydesk.application.OutboundCalls;
import org.utilitydesk.application.OutboundCalls.Progress;
import org.utilitydesk.domain.model.call.HangupCause;
import org.utilitydesk.domain.model.call.OutboundCall;

/**
 * Turns the manager interface's channel events into the application's call records, so every call is
 * recorded, also one that hangs up before it reaches the IVR. A call is its first channel: the one whose
 * unique id is also the linked id every other channel of the call (an agent's leg, a transfer) carries.
 */
@ApplicationScoped
public class AmiCallEvents {

    private static final Logger LOG = Logger.getLogger(AmiCallEvents.class.getName());

    /** Channel state "Up" in Newstate events: the channel was answered. */
    private static final int STATE_UP = 6;

    /** OriginateResponse reasons (Asterisk's AST_CONTROL_* codes). */
    private static final int REASON_RING_TIMEOUT = 3;
    private static final int REASON_ANSWERED = 4;
    private static final int REASON_BUSY = 5;
    private static final int REASON_CONGESTION = 8;

    @Inject
    private CallHandling calls;

    /** The number outbound calls present (AmiConnection sends it with every Originate). */
    @Inject
    @ConfigProperty(name = "utilitydesk.outbound.caller-id", defaultValue = "95598")
    private String outboundCallerId;

    @Inject
    private OutboundCalls outbound;

    @Inject
    private CallRouting routing;

    @Inject
    private Recordings recordings;

    void handle(ManagerEvent event, Instant at) {
        if (event instanceof UtilityDeskFolderEvent e) {
            recordings.checked(e.getFolder(), e.getStatus());
            return;
        }
        if (fromFolderCheck(event)) {
            return; // the folder check's own channel is no call
        }
        if (event instanceof NewChannelEvent e && isCallItself(e.getUniqueId(), e.getLinkedid())) {
            // a call the application originated shows no caller ID on its first channel: it presents the hotline's
            String caller = number(e.getCallerIdNum());
            if (caller == null && OutboundCall.idOf(e.getUniqueId()).isPresent()) {
                caller = outboundCallerId;
            }
            calls.callStarted(e.getUniqueId(), caller, number(e.getExten()));
        } else if (event instanceof NewStateEvent e && isCallItself(e.getUniqueId(), e.getLinkedId())
                && e.getChannelState() != null && e.getChannelState() == STATE_UP) {
            calls.callAnswered(e.getUniqueId(), at);
        } else if (event instanceof DialEndEvent e && "ANSWER".equalsIgnoreCase(e.getDialStatus())) {
            // the caller's channel dialled an agent who picked up; the agent's leg is what the desk's controls act on
            routing.agentAnswered(e.getLinkedId() != null && !e.getLinkedId().isBlank() ? e.getLinkedId() : e.getUniqueId(),
                    e.getDestChannel());
        } else if (event instanceof HangupEvent e && isCallItself(e.getUniqueId(), e.getLinkedId())) {
            ended(e.getUniqueId(), HangupCause.fromQ850(e.getCause() == null ? 0 : e.getCause()), at);
        } else if (event instanceof OriginateResponseEvent e) {
            originated(e);
        } else if (event instanceof DeviceStateChangeEvent e) {
            deviceChanged(e.getDevice(), e.getState());
        }
    }

    private void ended(String callUid, HangupCause cause, Instant at) {
        routing.hungUp(callUid);
        calls.callHungUp(callUid, cause.name(), at);
        outbound.progressed(callUid, Progress.ENDED, cause.name());
    }

    /**
     * After a login: every call recorded as going on before Asterisk listed its channels that is not among them
     * ended while the manager link was down. It ends now, as its hang-up event would have ended it (record,
     * place in line, outbound call), with the cause UNOBSERVED. The IVR's warm-up calls are not Asterisk's.
     */
    void channelsListed(Set<String> live, Instant listedAt) {
        List<String> unseen = calls.callsInProgress(listedAt).stream()
                .filter(uid -> !live.contains(uid) && !uid.startsWith(IvrWarmUp.UID_PREFIX)).toList();
        for (String uid : unseen) {
            ended(uid, HangupCause.UNOBSERVED, listedAt);
        }
        if (!unseen.isEmpty()) {
            LOG.warning(() -> unseen.size() + " call(s) ended while the manager link was down and were closed now: " + unseen);
        }
    }

    /** A phone ("PJSIP/8006") registered or went away; other devices (queues, parking) are not phones. */
    private void deviceChanged(String device, String state) {
        if (device == null || state == null || !device.matches("[A-Za-z]+/\\w+")) {
            return;
        }
        String extension = device.substring(device.indexOf('/') + 1);
        switch (state) {
            case "UNAVAILABLE" -> routing.phoneChanged(extension, false);
            case "NOT_INUSE", "INUSE", "BUSY", "RINGING", "RINGINUSE", "ONHOLD" -> routing.phoneChanged(extension, true);
            default -> {
                // UNKNOWN, INVALID: nothing learned
            }
        }
    }

    private void originated(OriginateResponseEvent e) {
        // the action id is the channel id the application chose; Asterisk leaves the unique id empty when
        // no channel came about
        String channelId = e.getActionId() != null && !e.getActionId().isBlank() ? e.getActionId() : e.getUniqueId();
        int reason = e.getReason() == null ? 0 : e.getReason();
        if ("Success".equalsIgnoreCase(e.getResponse()) || reason == REASON_ANSWERED) {
            outbound.progressed(channelId, Progress.ANSWERED, null);
            return;
        }
        // the channel's hang-up cause, when it comes, says more than the reason (no such number, unreachable, ...)
        switch (reason) {
            case REASON_RING_TIMEOUT -> outbound.progressed(channelId, Progress.NO_ANSWER, HangupCause.NO_ANSWER.name());
            case REASON_BUSY -> outbound.progressed(channelId, Progress.BUSY, HangupCause.BUSY.name());
            case REASON_CONGESTION -> outbound.progressed(channelId, Progress.FAILED, HangupCause.UNREACHABLE.name());
            default -> outbound.progressed(channelId, Progress.FAILED, OutboundCall.GENERIC_FAILURE);
        }
    }

    private static boolean fromFolderCheck(ManagerEvent event) {
        String id = event instanceof AbstractChannelStateEvent c ? c.getUniqueId()
                : event instanceof OriginateResponseEvent o ? o.getActionId() : null;
        return id != null && id.startsWith(Recordings.FOLDER_CHECK_PREFIX);
    }

    private static boolean isCallItself(String uniqueId, String linkedId) {
        return uniqueId != null && !uniqueId.isBlank() && (linkedId == null || linkedId.equals(uniqueId));
    }

    /** Asterisk writes "<unknown>" or nothing for a missing number. */
    private static String number(String value) {
        return value == null || value.isBlank() || value.startsWith("<") ? null : value;
    }
}
