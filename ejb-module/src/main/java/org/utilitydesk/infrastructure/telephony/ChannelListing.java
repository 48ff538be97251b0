package org.utilitydesk.infrastructure.telephony;

import java.io.IOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.asteriskjava.manager.EventTimeoutException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.response.ManagerError;

/**
 * The channels Asterisk has up at one moment (CoreShowChannels), taken right after every login: events Asterisk
 * sent while the manager link was down are lost for good, so a call the application still takes for going on
 * that Asterisk no longer has ended unseen. It travels through the event queue like an event, so it is applied
 * after every event received before it.
 */
final class ChannelListing extends ManagerEvent {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ChannelListing.class.getName());
    private static final long TIMEOUT_MILLIS = 10_000;

    private final HashSet<String> live;
    private final Instant takenAt;

    private ChannelListing(Object source, HashSet<String> live, Instant takenAt) {
        super(source);
        this.live = live;
        this.takenAt = takenAt;
    }

    /** Asks Asterisk; empty (and logged) when it does not answer in full, so nothing is ended on a guess. */
    static Optional<ChannelListing> take(ManagerConnection connection) {
        Instant takenAt = Instant.now();
        try {
            ResponseEvents answer = connection.sendEventGeneratingAction(new CoreShowChannelsAction(), TIMEOUT_MILLIS);
            if (answer.getResponse() instanceof ManagerError error) {
                LOG.warning(() -> "Asterisk refused to list its channels (" + error.getMessage()
                        + "): calls that ended while the manager link was down stay open; give the manager user"
                        + " the reporting permission");
                return Optional.empty();
            }
            HashSet<String> live = new HashSet<>();
            for (ResponseEvent event : answer.getEvents()) {
                if (event instanceof CoreShowChannelEvent channel) {
                    addIfPresent(live, channel.getUniqueid());
                    addIfPresent(live, channel.getLinkedid());
                }
            }
            return Optional.of(new ChannelListing(connection, live, takenAt));
        } catch (IOException | EventTimeoutException | IllegalStateException e) {
            LOG.warning(() -> "Asterisk's channels could not be listed after logging in (" + e
                    + "): calls that ended while the manager link was down stay open until the next login");
            return Optional.empty();
        }
    }

    private static void addIfPresent(Set<String> ids, String id) {
        if (id != null && !id.isBlank()) {
            ids.add(id);
        }
    }

    /** The unique and linked ids of every channel that was up. */
    Set<String> live() {
        return live;
    }

    /** When Asterisk was asked: calls recorded after that are not judged by this listing. */
    Instant takenAt() {
        return takenAt;
    }
}
