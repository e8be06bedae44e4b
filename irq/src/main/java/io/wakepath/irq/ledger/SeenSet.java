package io.wakepath.irq.ledger;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicReferenceArray;

/** Which sample numbers were read: a lazily paged bit set, so a duplicate read is caught with one atomic OR. */
final class SeenSet {
    private static final int PAGE_BITS = 16;                      // 65,536 samples per page (8 KiB)
    private static final int PAGES = 1 << 15;                     // up to 2^31 samples
    private static final VarHandle WORD = MethodHandles.arrayElementVarHandle(long[].class);
    private final AtomicReferenceArray<long[]> pages = new AtomicReferenceArray<>(PAGES);

    /** @return false when {@code sample} was already seen */
    boolean add(long sample) {
        long pageIndex = sample >>> PAGE_BITS;
        if (pageIndex >= PAGES) {
            return true;                                            // beyond what a run can raise: not tracked
        }
        long[] page = pages.get((int) pageIndex);
        if (page == null) {
            pages.compareAndSet((int) pageIndex, null, new long[1 << (PAGE_BITS - 6)]);
            page = pages.get((int) pageIndex);
        }
        int bit = (int) (sample & ((1 << PAGE_BITS) - 1));
        long mask = 1L << (bit & 63);
        return (((long) WORD.getAndBitwiseOr(page, bit >>> 6, mask)) & mask) == 0;
    }
}
