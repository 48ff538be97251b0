package org.utilitydesk.domain.model.acd;

import java.util.Comparator;
import java.util.List;

/**
 * How a queue's requirement relaxes as a call waits: from each step's wait on, an agent needs only that
 * step's proficiency in the call's skill (acd_relaxation). Without steps any agent with the skill will do.
 */
public record Relaxation(List<Step> steps) {

    public static final Relaxation NONE = new Relaxation(List.of());

    /** From {@code afterSeconds} of waiting on, {@code minProficiency} (1-10) is enough. */
    public record Step(int afterSeconds, int minProficiency) {
        public Step {
            if (afterSeconds < 0 || minProficiency < 1 || minProficiency > 10) {
                throw new IllegalArgumentException("relaxation step " + afterSeconds + "s/" + minProficiency);
            }
        }
    }

    public Relaxation {
        steps = steps.stream().sorted(Comparator.comparingInt(Step::afterSeconds)).toList();
    }

    /** The proficiency an agent needs for a call that has waited this long. */
    public int minProficiency(long waitedSeconds) {
        int required = 1;
        for (Step step : steps) {
            if (step.afterSeconds() > waitedSeconds) {
                break;
            }
            required = step.minProficiency();
        }
        return required;
    }
}
