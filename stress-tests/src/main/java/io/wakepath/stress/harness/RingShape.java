package io.wakepath.stress.harness;

import io.wakepath.ring.Framing;
import io.wakepath.ring.OverflowPolicy;
import io.wakepath.ring.ReaderMode;
import io.wakepath.ring.Topology;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The ring a jcstress test needs. The test builds its ring from it ({@link RingShapes#config}) and the runner runs
 * the test only on strategies that support it ({@link RingShapes#supportedBy}), so the two can never disagree.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RingShape {
    int capacity() default 2;

    /**
     * Whether the outcomes depend on the ring being full after exactly {@link #capacity()} events (a wrap, an
     * overflow). When not, a ring that only holds larger capacities runs the test at its smallest.
     */
    boolean exactCapacity() default false;

    OverflowPolicy policy() default OverflowPolicy.DROP_NEWEST;

    Framing framing() default Framing.FRAME;

    ReaderMode readers() default ReaderMode.SHARED;

    /** The threads the test runs on each side. */
    Topology topology() default Topology.SPSC;
}
