package org.utilitydesk.infrastructure.telephony;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.MappingStrategy;

/**
 * Which script serves which FastAGI path. An unknown path serves nothing: asterisk-java then tells
 * Asterisk so (AJ_AGISTATUS=NOT_FOUND) and the dialplan continues, and we log what was asked.
 */
@ApplicationScoped
public class AgiScripts implements MappingStrategy {

    private static final Logger LOG = Logger.getLogger(AgiScripts.class.getName());

    @Inject
    private IvrScript ivr;

    @Inject
    private OutboundScript outbound;

    /** The scripts' names, as the path of {@code agi://host/name}. */
    static final java.util.Set<String> NAMES = java.util.Set.of("ivr", "outbound");

    @Override
    public AgiScript determineScript(AgiRequest request, AgiChannel channel) {
        String script = request.getScript();
        if ("ivr".equals(script)) {
            return ivr;
        }
        if ("outbound".equals(script)) {
            return outbound;
        }
        LOG.warning(() -> "no FastAGI script '" + script + "' (caller " + request.getCallerIdNumber() + ", channel "
                + request.getChannel() + ")");
        return null;
    }
}
