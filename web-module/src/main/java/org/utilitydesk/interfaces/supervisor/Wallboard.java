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
