package org.utilitydesk.infrastructure.telephony;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import org.utilitydesk.domain.service.IvrCommandTimes;

/**
 * Counts the FastAGI sessions' command times (see {@link IvrCommandTimes}) as they happen, without a lock:
 * one counter per range, the ranges a sixteenth of a power of two wide (1 µs steps up to 16 µs, then
 * 16 steps per doubling, up to ~12 days), so a percentile read from them is at most 1/16 high.
 */
@ApplicationScoped
public class AgiCommandTimes implements IvrCommandTimes {

    private static final int STEPS = 16;
    private static final int STEP_BITS = 4;
    private static final int LARGEST_POWER = 40;
    static final int BUCKETS = (LARGEST_POWER - STEP_BITS + 2) * STEPS;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

    /** One command, sent {@code nanos} after the reply before it. */
    void record(long nanos) {
        counts.incrementAndGet(bucket(Math.max(0, nanos / 1000)));
    }

    /** Starts counting afresh (after the IVR's warm-up calls, which no caller waited on). */
    void reset() {
        for (int i = 0; i < BUCKETS; i++) {
            counts.set(i, 0);
        }
    }

    @Override
    public Histogram commandTimes() {
        List<Bucket> buckets = new ArrayList<>();
        long commands = 0;
        for (int i = 0; i < BUCKETS; i++) {
            long count = counts.get(i);
            if (count > 0) {
                buckets.add(new Bucket(from(i), from(i + 1), count));
                commands += count;
            }
        }
        return new Histogram(commands, buckets);
    }

    static int bucket(long micros) {
        if (micros < STEPS) {
            return (int) micros;
        }
        int power = 63 - Long.numberOfLeadingZeros(micros);
        if (power > LARGEST_POWER) {
            return BUCKETS - 1;
        }
        int step = (int) (micros >>> (power - STEP_BITS)) & (STEPS - 1);
        return (power - STEP_BITS + 1) * STEPS + step;
    }

    /** The shortest duration in a range, in microseconds. */
    static long from(int bucket) {
        if (bucket < STEPS) {
            return bucket;
        }
        int power = bucket / STEPS + STEP_BITS - 1;
        long step = bucket % STEPS;
        return (STEPS + step) << (power - STEP_BITS);
    }
}
