package io.wakepath.jmm;

import java.util.List;

/**
 * A lost wakeup the JMM allows by store buffering ({@link StoreBuffering}): the sleeper stored {@code x} and loaded
 * {@code y}, the waker stored {@code y} and loaded {@code x}; at least one side has no full barrier between its store
 * and its load, so both loads may miss, and the sleeper waits for a wake the waker does not send.
 *
 * @param x             what the sleeper stored and the waker's check read (its registration)
 * @param y             what the waker stored and the sleeper's check read (the condition)
 * @param sleeperFenced whether a full barrier separates the sleeper's store and load
 * @param wakerFenced   whether one separates the waker's
 */
public record LostWake(String x, String y, Detector.Access sleeperStore, Detector.Access sleeperLoad,
                       Detector.Access wakerStore, Detector.Access wakerLoad, boolean sleeperFenced,
                       boolean wakerFenced, int[] counter) {

    LostWake(String x, String y, Detector.Access sleeperStore, Detector.Access sleeperLoad,
             Detector.Access wakerStore, Detector.Access wakerLoad, boolean sleeperFenced, boolean wakerFenced) {
        this(x, y, sleeperStore, sleeperLoad, wakerStore, wakerLoad, sleeperFenced, wakerFenced, new int[] {1});
    }

    /** One per four source lines. */
    List<Integer> key() {
        return List.of(sleeperStore.site(), sleeperLoad.site(), wakerStore.site(), wakerLoad.site());
    }

    LostWake seen() {
        counter[0]++;
        return this;
    }

    public int count() {
        return counter[0];
    }

    private static String at(Detector.Access a) {
        return Sites.get(a.site()).position();
    }

    /** Where the missing full barrier belongs, in words. */
    public String missing() {
        String sleeper = "between " + sleeperStore.threadName() + "'s store at " + at(sleeperStore) + " and its load at "
                + at(sleeperLoad);
        String waker = "between " + wakerStore.threadName() + "'s store at " + at(wakerStore) + " and its load at "
                + at(wakerLoad);
        String where = !sleeperFenced && !wakerFenced ? sleeper + ", and " + waker : !sleeperFenced ? sleeper : waker;
        return "no full barrier " + where + "; a full fence there (VarHandle.fullFence(), the kernel's smp_mb()) "
                + "would make one side see the other";
    }

    /** One line: the two checks that may both miss, and the barrier that is missing. */
    public String summary() {
        return "lost wakeup by store buffering: " + sleeperLoad.mode().word(false) + " of " + y + " at "
                + at(sleeperLoad) + " may miss the store at " + at(wakerStore) + " while "
                + wakerLoad.mode().word(false) + " of " + x + " at " + at(wakerLoad) + " misses the store at "
                + at(sleeperStore) + ": " + missing();
    }

    /**
     * The lost wakeup in the source: first the store of the side with no full barrier (the sleeper's, when neither
     * has one) -- the fence belongs after it -- then that side's load and the other side's store and load.
     */
    public Finding finding() {
        String sleeper = sleeperStore.threadName();
        String waker = wakerStore.threadName();
        Finding.Place sleeperStores = Finding.Place.of(sleeperStore.site(), sleeper + "'s store to " + x
                + (sleeperFenced ? "" : ", with no full barrier before its check of " + y + " at " + at(sleeperLoad)));
        Finding.Place wakerStores = Finding.Place.of(wakerStore.site(), waker + "'s store to " + y
                + (wakerFenced ? "" : ", with no full barrier before its check of " + x + " at " + at(wakerLoad)));
        Finding.Place sleeperLoads = Finding.Place.of(sleeperLoad.site(), sleeper + "'s check of " + y);
        Finding.Place wakerLoads = Finding.Place.of(wakerLoad.site(), waker + "'s check of " + x);
        return new Finding("lost-wakeup", summary(), count(), sleeperFenced
                ? List.of(wakerStores, wakerLoads, sleeperStores, sleeperLoads)
                : List.of(sleeperStores, sleeperLoads, wakerStores, wakerLoads));
    }

    /** The full report: both sides' store and load, what each saw in this run, what the JMM also allows. */
    public String report() {
        String sleeper = sleeperStore.threadName();
        String waker = wakerStore.threadName();
        return "LOST WAKEUP (store buffering)" + (count() > 1 ? " (seen " + count() + " times)" : "") + "\n"
                + "  " + sleeper + ": " + sleeperStore.mode().word(true) + " to " + x + " at " + at(sleeperStore)
                + ", then " + sleeperLoad.mode().word(false) + " of " + y + " at " + at(sleeperLoad)
                + (sleeperFenced ? " (a full barrier between)" : " (no full barrier between)") + "\n"
                + "  " + waker + ": " + wakerStore.mode().word(true) + " to " + y + " at " + at(wakerStore)
                + ", then " + wakerLoad.mode().word(false) + " of " + x + " at " + at(wakerLoad)
                + (wakerFenced ? " (a full barrier between)" : " (no full barrier between)") + "\n"
                + "  in this run " + sleeper + "'s load missed " + waker + "'s store and " + waker + " saw " + sleeper
                + "'s and woke it; the JMM also lets " + waker + "'s load miss it: then " + sleeper + " waits and "
                + "nobody wakes it\n"
                + "  " + missing();
    }
}
