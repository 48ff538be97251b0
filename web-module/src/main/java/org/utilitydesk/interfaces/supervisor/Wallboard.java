package org.utilitydesk.interfaces.supervisor;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import org.utilitydesk.application.CallRouting;
import org.utilitydesk.domain.model.acd.AgentState;
import org.utilitydesk.interfaces.desk.LocaleSelection;

/**
 * The supervisor's wallboard: callers waiting and the longest wait per line, agents by state, today's
 * calls offered, answered, abandoned and the service level against 80/20. Read once per render; the page
 * re-renders when the ACD pushes "changed".
 */
@Named
@RequestScoped
public class Wallboard {

    @Inject
    private CallRouting routing;

    @Inject
    private LocaleSelection localeSelection;

    private CallRouting.Wallboard board;

    public CallRouting.Wallboard getBoard() {
        if (board == null) {
            board = routing.wallboard();
        }
        return board;
    }

    public List<CallRouting.LineFigures> getLines() {
        return getBoard().lines();
    }

    public String lineName(CallRouting.LineFigures line) {
        return "en".equals(localeSelection.getLocale().getLanguage()) ? line.nameEn() : line.nameZh();
    }

    public int agents(String state) {
        Map<AgentState, Integer> byState = getBoard().agentsByState();
        return byState.getOrDefault(AgentState.valueOf(state), 0);
    }

    public int getWaiting() {
        return getLines().stream().mapToInt(CallRouting.LineFigures::waiting).sum();
    }

    public long getLongestWait() {
        return getLines().stream().mapToLong(CallRouting.LineFigures::longestWaitSeconds).max().orElse(0);
    }

    /** When the figures were taken, in epoch milliseconds: the page counts waits and times in state on from there. */
    public long getAtMillis() {
        return getBoard().at().toEpochMilli();
    }

    public long millis(java.time.Instant at) {
        return at == null ? 0 : at.toEpochMilli();
    }

    /** How long an agent has been in their state when the figures were taken, as the page shows it ("4:05"). */
    public String elapsed(java.time.Instant since) {
        return since == null ? "" : duration(Math.max(0, java.time.Duration.between(since, getBoard().at()).getSeconds()));
    }

    /** Seconds as "m:ss", or "h:mm:ss" from an hour on (wallboard.js counts the same way). */
    public String duration(long seconds) {
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%d:%02d", m, s);
    }

    /** "85.0%" or "-" before the first call of the day was answered or abandoned. */
    public String getServiceLevel() {
        Double level = getBoard().serviceLevelPct();
        return level == null ? "-" : String.format("%.1f%%", level);
    }

    /** Whether the service level is below the 80% target. */
    public boolean isBelowTarget() {
        Double level = getBoard().serviceLevelPct();
        return level != null && level < 80.0;
    }
}
