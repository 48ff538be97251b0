package org.utilitydesk.infrastructure.telephony;

import java.util.Optional;
import java.util.logging.Logger;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;

/**
 * Records the caller with Asterisk's Record application rather than AGI's RECORD FILE: Record creates the folders
 * of the path (RECORD FILE does not, and the application, possibly on another host, cannot), keeps what was said
 * when the caller hangs up ({@code k}), and says how it ended (RECORD_STATUS). Whether a file was written, and
 * how long it is, is asked of Asterisk afterwards (the STAT function; allowed on a channel already hung up), so
 * nothing is stored for a recording that does not exist.
 */
final class Recordings {

    private static final Logger LOG = Logger.getLogger(Recordings.class.getName());
    /** Asterisk's WAV is 8 kHz 16-bit mono: 16,000 bytes a second after a 44-byte header. */
    private static final int WAV_BYTES_PER_SECOND = 16_000;
    private static final int WAV_HEADER = 44;

    /** A recording Asterisk wrote: its path on the Asterisk host and its length. */
    record Recording(String file, int seconds) {
    }

    private Recordings() {
    }

    /**
     * Records into {@code path}.wav after a beep, until the caller presses #, is silent for {@code silenceSeconds}
     * or talks for {@code maxSeconds}. Empty when Asterisk wrote nothing audible (no file, or under a second).
     */
    static Optional<Recording> record(AgiChannel channel, String path, int silenceSeconds, int maxSeconds) throws AgiException {
        String file = path + ".wav";
        channel.exec("Record", file + "," + silenceSeconds + "," + maxSeconds + ",k");
        String status = channel.getFullVariable("${RECORD_STATUS}");
        long bytes = parse(channel.getFullVariable("${STAT(s," + file + ")}"));
        int seconds = (int) Math.max(0, (bytes - WAV_HEADER) / WAV_BYTES_PER_SECOND);
        if (bytes <= 0) {
            LOG.warning(() -> "Asterisk wrote no recording " + file + " (RECORD_STATUS " + status
                    + "): can it write there? see its log");
            return Optional.empty();
        }
        if (seconds < 1) {
            LOG.fine(() -> "recording " + file + " is empty (RECORD_STATUS " + status + ")");
            return Optional.empty();
        }
        return Optional.of(new Recording(file, seconds));
    }

    private static long parse(String number) {
        try {
            return number == null ? 0 : Long.parseLong(number.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
