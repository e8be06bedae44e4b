package io.wakepath.irq.ledger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The conservation law of a run, {@code raised = read + dropped (by stage and cause) + still queued}, checked stage by
 * stage so that a sample that vanished is blamed on the stage it vanished in. Every count comes from the stage that
 * did the work: the hardware counts what it received, lost and handed out; the ring counts what it accepted, evicted
 * and handed out; readers count what their reads returned. The driver's own word is used only for its accounted drops.
 *
 * @param raised        samples the hardware received
 * @param hwOverruns    lost to a full hardware FIFO
 * @param inFifo        still in the hardware FIFO
 * @param popped        read out of the FIFO by the driver
 * @param offered       offered to the ring by the driver
 * @param driverDropped dropped by the driver, accounted
 * @param ringDroppedNewest refused by a full ring (drop-newest, report-overflow)
 * @param ringDroppedOldest evicted unread by a full ring (drop-oldest)
 * @param enqueued      accepted by the ring
 * @param consumed      handed out by the ring
 * @param inRing        still in the ring
 * @param read          returned by readers' reads
 */
public record Conservation(long raised, long hwOverruns, long inFifo, long popped, long offered, long driverDropped,
                           long ringDroppedNewest, long ringDroppedOldest, long enqueued, long consumed, long inRing,
                           long read) {

    /** One stage: what came in, where it went, and what is unaccounted ({@code in - sum(out)}). */
    public record Stage(String name, long in, Map<String, Long> out) {
        public long unaccounted() {
            return in - out.values().stream().mapToLong(Long::longValue).sum();
        }

        /** One line: {@code hardware  100 in -> to the driver 95; ...}, and what is unaccounted if anything. */
        @Override
        public String toString() {
            StringBuilder line = new StringBuilder(String.format("%-9s %,12d in ->", name, in));
            out.forEach((k, v) -> line.append(String.format(" %s %,d;", k, v)));
            if (unaccounted() != 0) {
                line.append(String.format(" UNACCOUNTED %,d", unaccounted()));
            }
            return line.toString();
        }
    }

    public List<Stage> stages() {
        return List.of(
                new Stage("hardware", raised, ordered("to the driver", popped, "lost: FIFO overrun", hwOverruns,
                        "queued in the FIFO", inFifo)),
                new Stage("driver", popped, ordered("offered to the ring", offered, "dropped by the driver", driverDropped)),
                new Stage("ring", offered, ordered("read out", consumed, "dropped: ring full (newest)", ringDroppedNewest,
                        "dropped: ring full (oldest)", ringDroppedOldest, "queued in the ring", inRing)),
                new Stage("readers", consumed, ordered("returned by read", read)));
    }

    public long dropped() {
        return hwOverruns + driverDropped + ringDroppedNewest + ringDroppedOldest;
    }

    public long queued() {
        return inFifo + inRing;
    }

    /** {@code raised - (read + dropped + queued)}: 0 when the law holds. */
    public long unaccounted() {
        return raised - (read + dropped() + queued());
    }

    /** The law holds overall and at every stage. */
    public boolean holds() {
        return unaccounted() == 0 && stages().stream().allMatch(s -> s.unaccounted() == 0);
    }

    private static Map<String, Long> ordered(Object... pairs) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Long) pairs[i + 1]);
        }
        return m;
    }

    @Override
    public String toString() {
        return "raised " + raised + " = read " + read + " + dropped " + dropped() + " + queued " + queued()
                + (unaccounted() == 0 ? "" : " + UNACCOUNTED " + unaccounted());
    }
}
