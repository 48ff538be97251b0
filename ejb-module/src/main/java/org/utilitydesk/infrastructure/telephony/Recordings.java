package org.utilitydesk.infrastructure.telephony;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What callers say into the IVR, recorded by Asterisk in folders on its own host: voicemail (a folder per day)
 * and survey comments.
 *
 * <p>Records with Asterisk's Record application rather than AGI's RECORD FILE: Record creates the folders of the
 * path (RECORD FILE does not, and the application, possibly on another host, cannot), keeps what was said when
 * the caller hangs up ({@code k}), and says how it ended (RECORD_STATUS). Whether a file was written, and how
 * long it is, is asked of Asterisk afterwards (the STAT function; allowed on a channel already hung up), so
 * nothing is stored for a recording that does not exist.
 *
 * <p>Whether Asterisk can write to the folders at all is asked after every manager login (the sample dialplan's
 * {@code utilitydesk-check}, which creates them as Asterisk's user) and learned again from every recording;
 * the readiness check shows both ({@link #status()}).
 */
@ApplicationScoped
public class Recordings {

    private static final Logger LOG = Logger.getLogger(Recordings.class.getName());
    /** Asterisk's WAV is 8 kHz 16-bit mono: 16,000 bytes a second after a 44-byte header. */
    private static final int WAV_BYTES_PER_SECOND = 16_000;
    private static final int WAV_HEADER = 44;
    private static final int VOICEMAIL_MAX_SECONDS = 120;
    private static final int VOICEMAIL_SILENCE_SECONDS = 5;
    private static final int COMMENT_MAX_SECONDS = 60;
    private static final int COMMENT_SILENCE_SECONDS = 4;
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    /** A folder the dialplan's shell command can take as it is: no quotes, spaces or commas. */
    /** The sample dialplan's context that checks a recordings folder, and the ids of the channels it runs on. */
    private static final String FOLDER_CHECK_CONTEXT = "utilitydesk-check";
    static final String FOLDER_CHECK_PREFIX = "udcheck-";
    private static final Pattern SAFE_FOLDER = Pattern.compile("/[A-Za-z0-9_./-]+");

    /** How a recording went. */
    enum Outcome {
        /** A message of a second or more is in the file. */
        WRITTEN,
        /** The caller said nothing, or hung up before the beep ended: no file, or one under a second. */
        EMPTY,
        /** Asterisk wrote no file: it cannot write there (see its log). */
        NOT_WRITTEN
    }

    /** A recording: how it went and, when written, its path on the Asterisk host and its length. */
    record Recording(Outcome outcome, String file, int seconds) {
        boolean written() {
            return outcome == Outcome.WRITTEN;
        }
    }

    /** What the readiness check shows of one folder: Asterisk's answer to the check and what recordings found. */
    public record FolderState(String folder, String check, Instant checkedAt, Instant lastWritten, Instant lastNotWritten) {
        FolderState checked(String answer, Instant at) {
            return new FolderState(folder, answer, at, lastWritten, lastNotWritten);
        }

        FolderState withWritten(Instant at) {
            return new FolderState(folder, check, checkedAt, at, lastNotWritten);
        }

        FolderState withNotWritten(Instant at) {
            return new FolderState(folder, check, checkedAt, lastWritten, at);
        }
    }

    /** Where Asterisk writes voicemail recordings (a path on the Asterisk server), a folder per day below it. */
    @Inject
    @ConfigProperty(name = "utilitydesk.voicemail.dir", defaultValue = "/var/spool/asterisk/utilitydesk")
    private String voicemailDir;

    /** Where Asterisk writes the customers' spoken survey comments (a path on the Asterisk server). */
    @Inject
    @ConfigProperty(name = "utilitydesk.survey.recording-dir", defaultValue = "/var/spool/asterisk/utilitydesk/surveys")
    private String surveyDir;

    private final Map<String, FolderState> states = new ConcurrentHashMap<>();

    /** Records a voicemail message after the beep, into today's folder, until # or 5 s of silence (2 min at most). */
    Recording voicemail(AgiChannel channel, String callUid) throws AgiException {
        return record(channel, voicemailDir, DAY.format(LocalDate.now(IvrCall.ZONE)) + "/" + callUid.replace('.', '-'),
                VOICEMAIL_SILENCE_SECONDS, VOICEMAIL_MAX_SECONDS);
    }

    /** Records a survey comment after the beep, until # or 4 s of silence (a minute at most). */
    Recording surveyComment(AgiChannel channel, String channelId) throws AgiException {
        return record(channel, surveyDir, channelId, COMMENT_SILENCE_SECONDS, COMMENT_MAX_SECONDS);
    }

    private Recording record(AgiChannel channel, String folder, String name, int silenceSeconds, int maxSeconds)
            throws AgiException {
        String file = folder + "/" + name + ".wav";
        channel.exec("Record", file + "," + silenceSeconds + "," + maxSeconds + ",k");
        String status = channel.getFullVariable("${RECORD_STATUS}");
        long bytes = parse(channel.getFullVariable("${STAT(s," + file + ")}"));
        int seconds = (int) Math.max(0, (bytes - WAV_HEADER) / WAV_BYTES_PER_SECOND);
        Instant now = Instant.now();
        if (bytes <= 0 && "HANGUP".equals(status)) {
            LOG.fine(() -> "no recording " + file + ": the caller hung up before it began");
            return new Recording(Outcome.EMPTY, null, 0);
        }
        if (bytes <= 0) {
            states.compute(folder, (f, s) -> state(f, s).withNotWritten(now));
            LOG.severe(() -> "Asterisk wrote no recording " + file + " (RECORD_STATUS " + status
                    + "): can its user write to " + folder + "? See Asterisk's log");
            return new Recording(Outcome.NOT_WRITTEN, null, 0);
        }
        states.compute(folder, (f, s) -> state(f, s).withWritten(now));
        if (seconds < 1) {
            LOG.fine(() -> "recording " + file + " is empty (RECORD_STATUS " + status + ")");
            return new Recording(Outcome.EMPTY, null, 0);
        }
        return new Recording(Outcome.WRITTEN, file, seconds);
    }

    /**
     * Asks Asterisk whether it can write to each recordings folder: the sample dialplan's utilitydesk-check
     * creates the folder as Asterisk's user and answers with a UserEvent ({@link UtilityDeskFolderEvent}).
     */
    void askAsterisk(ManagerConnection connection) {
        for (String folder : foldersToCheck()) {
            OriginateAction check = new OriginateAction();
            check.setChannel("Local/s@" + FOLDER_CHECK_CONTEXT);
            check.setChannelId(FOLDER_CHECK_PREFIX + UUID.randomUUID());
            check.setActionId(check.getChannelId());
            check.setApplication("NoOp");
            check.setTimeout(10_000L);
            check.setAsync(true);
            check.setVariables(Map.of("UD_FOLDER", folder));
            try {
                ManagerResponse response = connection.sendAction(check, 3_000);
                if (response instanceof ManagerError) {
                    LOG.warning(() -> "Asterisk refused to check recordings folder " + folder + ": " + response.getMessage());
                }
            } catch (IOException | TimeoutException | IllegalStateException e) {
                LOG.warning(() -> "recordings folder " + folder + " could not be checked: " + e);
            }
        }
    }

    /** The folders Asterisk is asked about after each login; one whose path a shell could misread is not. */
    List<String> foldersToCheck() {
        return List.of(voicemailDir, surveyDir).stream().distinct().filter(folder -> {
            if (SAFE_FOLDER.matcher(folder).matches() && !folder.contains("..")) {
                return true;
            }
            states.compute(folder, (f, s) -> state(f, s).checked("UNSAFE_PATH", Instant.now()));
            LOG.warning(() -> "recordings folder '" + folder + "' is not checked: use an absolute path of letters,"
                    + " digits, '_', '.', '-' and '/'");
            return false;
        }).toList();
    }

    /** Asterisk answered the folder check (SUCCESS, APPERROR when its user cannot write there, FAILURE). */
    void checked(String folder, String status) {
        if (folder == null || !List.of(voicemailDir, surveyDir).contains(folder)) {
            return; // a check of a folder this application does not use
        }
        String check = "SUCCESS".equals(status) ? "WRITABLE" : "NOT_WRITABLE";
        states.compute(folder, (f, s) -> state(f, s).checked(check, Instant.now()));
        if ("WRITABLE".equals(check)) {
            LOG.info(() -> "Asterisk can write recordings to " + folder);
        } else {
            LOG.severe(() -> "Asterisk cannot write recordings to " + folder + " (" + status + "): voicemail and"
                    + " survey comments there are lost until its user can");
        }
    }

    /** The state of the voicemail folder and the survey comments' folder, by those names; UNCHECKED before any answer. */
    public Map<String, FolderState> status() {
        Map<String, FolderState> status = new java.util.LinkedHashMap<>();
        status.put("voicemail", states.getOrDefault(voicemailDir, state(voicemailDir, null)));
        status.put("surveyComments", states.getOrDefault(surveyDir, state(surveyDir, null)));
        return status;
    }

    private static FolderState state(String folder, FolderState known) {
        return known != null ? known : new FolderState(folder, "UNCHECKED", null, null, null);
    }

    private static long parse(String number) {
        try {
            return number == null ? 0 : Long.parseLong(number.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
