package io.wakepath.irq.diagnose;

import io.wakepath.irq.ledger.ReaderLedger;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends "signals" (interrupts) to random readers, at a Poisson rate: each interrupted wait must return
 * {@code -EINTR} without losing the wake it may have been given (an exclusive waiter must hand it on), and the
 * reader restarts the call. With a closed loop a signal that falls due is sent just after the next round is
 * raised, to a reader that is waiting then: the interrupt lands while the wake for that round is on its way, the
 * moment a waiter that leaves can swallow it.
 */
final class Signaller {
    private final List<Thread> readers;
    private final List<ReaderLedger> ledgers;
    private final double perSecond;
    private final boolean atRounds;
    private final SplittableRandom random;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean due;

    Signaller(List<Thread> readers, List<ReaderLedger> ledgers, double perSecond, long seed, boolean atRounds) {
        this.readers = readers;
        this.ledgers = ledgers;
        this.perSecond = perSecond;
        this.atRounds = atRounds;
        this.random = new SplittableRandom(seed ^ 0x5157_4E41_4CL);
        this.thread = new Thread(this::run, "signaller");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        double meanGapNanos = 1e9 / perSecond;
        while (running) {
            LockSupport.parkNanos((long) (-Math.log(1 - random.nextDouble()) * meanGapNanos));
            if (!running) {
                break;
            }
            if (atRounds) {
                due = true;                         // sent by the source after its next round
            } else {
                signal(random.nextInt(readers.size()));
            }
        }
    }

    /** On the source's thread, after it raised a round: the due signal goes to a waiting reader. */
    void roundRaised() {
        if (!due) {
            return;
        }
        due = false;
        int start = ThreadLocalRandom.current().nextInt(readers.size());
        for (int i = 0; i < readers.size(); i++) {
            int r = (start + i) % readers.size();
            if (ledgers.get(r).state() == ReaderLedger.State.SLEEPING) {
                signal(r);
                return;
            }
        }
    }

    private void signal(int reader) {
        if (running) {
            readers.get(reader).interrupt();
        }
    }

    void stop() throws InterruptedException {
        running = false;
        thread.join(1_000);
    }
}
