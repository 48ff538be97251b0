package org.utilitydesk.infrastructure.telephony;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a FastAGI session starts as Asterisk starts one, checked line by line as the request arrives. Asterisk's
 * res_agi sends {@code agi_network: yes} first, then the channel's environment ({@link #ALWAYS_SENT}, every time,
 * empty values included), then any {@code agi_arg_N}, then a blank line. Anything else (a web request, garbage ending
 * in a blank line, an environment asking for a script we do not have) is not a call: the session is closed at the
 * first line that shows it, before a thread waits on it or a command is sent.
 */
final class AgiRequestCheck {

    /** What res_agi's setup_env sends with every request (Asterisk 22), besides FastAGI's agi_network lines. */
    static final Set<String> ALWAYS_SENT = Set.of("agi_request", "agi_channel", "agi_language", "agi_type", "agi_uniqueid",
            "agi_version", "agi_callerid", "agi_calleridname", "agi_callingpres", "agi_callingani2", "agi_callington",
            "agi_callingtns", "agi_dnid", "agi_rdnis", "agi_context", "agi_extension", "agi_priority", "agi_enhanced",
            "agi_accountcode", "agi_threadid");

    private static final Pattern VARIABLE = Pattern.compile("(agi_[a-z0-9_]{1,40}): (.*)");
    private static final Pattern REQUEST = Pattern.compile("h?agi://[^/\\s]+/([^?\\s]*)(\\?.*)?");

    private final Predicate<String> scripts;
    private final Set<String> seen = new HashSet<>();
    private int lines;

    /** {@code scripts}: whether a script of that name is ours. */
    AgiRequestCheck(Predicate<String> scripts) {
        this.scripts = scripts;
    }

    /** Why the request cannot be Asterisk's, seeing this line of it (not the blank one); null while it can. */
    String refusal(String line) {
        lines++;
        if (lines == 1) {
            return "agi_network: yes".equals(line) ? null : "it does not begin as FastAGI does (" + shown(line) + ")";
        }
        Matcher variable = VARIABLE.matcher(line);
        if (!variable.matches()) {
            return "line " + lines + " is not an AGI variable (" + shown(line) + ")";
        }
        String name = variable.group(1);
        String value = variable.group(2);
        seen.add(name);
        if (name.equals("agi_request")) {
            Matcher request = REQUEST.matcher(value);
            if (!request.matches() || !scripts.test(request.group(1))) {
                return "it asks for no script of ours (" + shown(value) + ")";
            }
        }
        if (name.equals("agi_channel") && !value.contains("/")) {
            return "agi_channel names no channel (" + shown(value) + ")";
        }
        return null;
    }

    /** Why the request, ended by its blank line, cannot be Asterisk's; null when it can. */
    String refusalAtEnd() {
        Set<String> missing = new TreeSet<>(ALWAYS_SENT);
        missing.removeAll(seen);
        if (missing.isEmpty()) {
            return null;
        }
        List<String> some = missing.stream().limit(4).toList();
        return "it lacks " + String.join(", ", some) + (missing.size() > some.size() ? " and " + (missing.size() - some.size()) + " more" : "");
    }

    /** A line as the log may show it: short, printable. */
    static String shown(String text) {
        String printable = text.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() > 60 ? printable.substring(0, 60) + "…" : printable;
    }
}
