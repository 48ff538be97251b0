package org.utilitydesk.infrastructure.telephony;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.logging.Logger;
import org.asteriskjava.manager.action.ExtensionStateAction;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.RedirectAction;
import org.asteriskjava.manager.response.ExtensionStateResponse;
import org.asteriskjava.manager.response.ManagerResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.utilitydesk.domain.service.Telephone;

/**
 * What the application asks of the telephone system, as manager actions over the one connection
 * ({@link AmiConnection}): place an outbound call (Originate into the sample dialplan's outbound contexts), hang up
 * or redirect a channel, and tell whether an agent's phone is registered (ExtensionState of its hint).
 */
@ApplicationScoped
public class AmiTelephone implements Telephone {

    private static final Logger LOG = Logger.getLogger(AmiTelephone.class.getName());
    /** Q.850 cause sent with a hang-up the application asks for: normal clearing. */
    private static final int NORMAL_CLEARING = 16;
    /** ExtensionState statuses (a bit set): 4 = unavailable; below 0 = no such hint. */
    private static final int EXTENSION_UNAVAILABLE = 4;

    @Inject
    private AmiConnection connection;

    /**
     * How outbound calls are dialled; {number} is replaced by the number to call. The Local channel is kept ("/n"):
     * it is the call the application follows, and one Asterisk optimised away hangs up as soon as both sides are
     * bridged, while they are still talking.
     */
    @Inject
    @ConfigProperty(name = "utilitydesk.outbound.channel", defaultValue = "Local/{number}@utilitydesk-outbound-dial/n")
    private String outboundChannel;

    @Inject
    @ConfigProperty(name = "utilitydesk.outbound.context", defaultValue = "utilitydesk-outbound")
    private String outboundContext;

    @Inject
    @ConfigProperty(name = "utilitydesk.outbound.caller-id", defaultValue = "95598")
    private String outboundCallerId;

    @Inject
    @ConfigProperty(name = "utilitydesk.outbound.ring-seconds", defaultValue = "30")
    private int ringSeconds;

    /** The dialplan context holding a hint per agent extension (exten => 8006,hint,PJSIP/8006). */
    @Inject
    @ConfigProperty(name = "utilitydesk.ami.hint-context", defaultValue = "utilitydesk-agents")
    private String hintContext;

    @Override
    public boolean connected() {
        return connection.connected();
    }

    @Override
    public void originate(String channelId, String number, Map<String, String> variables) {
        OriginateAction originate = new OriginateAction();
        originate.setChannel(outboundChannel.replace("{number}", number));
        originate.setChannelId(channelId);
        originate.setActionId(channelId);
        originate.setContext(outboundContext);
        originate.setExten("s");
        originate.setPriority(1);
        originate.setCallerId(outboundCallerId);
        originate.setTimeout(ringSeconds * 1000L);
        originate.setAsync(true);
        originate.setVariables(variables);
        connection.send(originate, "Asterisk refused the call");
    }

    @Override
    public void hangUp(String channel) {
        connection.send(new HangupAction(channel, NORMAL_CLEARING), "Asterisk did not hang up " + channel);
    }

    @Override
    public void redirect(String channel, String context, String exten) {
        connection.send(new RedirectAction(channel, context, exten, 1), "Asterisk did not redirect " + channel);
    }

    @Override
    public PhoneState phoneState(String extension) {
        if (!connection.connected()) {
            return PhoneState.UNKNOWN;
        }
        try {
            ManagerResponse response = connection.send(new ExtensionStateAction(extension, hintContext), "no state for " + extension);
            Integer status = response instanceof ExtensionStateResponse state ? state.getStatus() : null;
            if (status == null || status < 0) {
                return PhoneState.UNKNOWN;
            }
            return (status & EXTENSION_UNAVAILABLE) != 0 ? PhoneState.UNAVAILABLE : PhoneState.AVAILABLE;
        } catch (TelephoneUnavailableException e) {
            LOG.fine(() -> "state of extension " + extension + " unknown: " + e.getMessage());
            return PhoneState.UNKNOWN;
        }
    }
}
