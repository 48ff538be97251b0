package org.utilitydesk.domain.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How quickly the IVR answers the telephone system: for every AGI command, the time from the reply
 * before it (for a call's first command, the end of its request) to the command going out, counted
 * since the application started. It is the time the application spends per command: looking up the
 * caller, deciding the next prompt, waiting for a thread, a connection or a core; not the time a prompt
 * plays or a caller takes to press a key.
 */
public interface IvrCommandTimes {

    /** Counts in ranges of microseconds, shortest first; only ranges with a count. */
    Histogram commandTimes();

    /** One range of durations, from (inclusive) to (exclusive) in microseconds, and how many fell in it. */
    record Bucket(long fromMicros, long toMicros, long count) {
    }

    /**
     * A copy of the counts at one moment. Two copies taken apart can be subtracted ({@link #since}) to see
     * a stretch of time; the percentiles are the upper end of the range they fall in (at most 1/16 high).
     */
    record Histogram(long commands, List<Bucket> buckets) {

        public Histogram {
            buckets = List.copyOf(buckets);
        }

        /** The smallest duration that the given share (0.99) of commands stayed under, in microseconds; 0 if none. */
        public long percentileMicros(double share) {
            if (commands == 0) {
                return 0;
            }
            long rank = (long) Math.ceil(commands * share);
            long seen = 0;
            for (Bucket bucket : buckets) {
                seen += bucket.count();
                if (seen >= rank) {
                    return bucket.toMicros();
                }
            }
            return buckets.get(buckets.size() - 1).toMicros();
        }

        /** The upper end of the longest range with a count, in microseconds; 0 if none. */
        public long maxMicros() {
            return buckets.isEmpty() ? 0 : buckets.get(buckets.size() - 1).toMicros();
        }

        /** The commands counted here but not in {@code earlier} (a copy taken before this one). */
        public Histogram since(Histogram earlier) {
            Map<Long, Long> before = new HashMap<>();
            earlier.buckets().forEach(b -> before.put(b.fromMicros(), b.count()));
            List<Bucket> added = new ArrayList<>();
            long total = 0;
            for (Bucket bucket : buckets) {
                long count = bucket.count() - before.getOrDefault(bucket.fromMicros(), 0L);
                if (count > 0) {
                    added.add(new Bucket(bucket.fromMicros(), bucket.toMicros(), count));
                    total += count;
                }
            }
            return new Histogram(total, added);
        }
    }
}
