package com.example.wakepath;

import io.wakepath.ring.RingConfig;

/**
 * The README's worked example: {@link SpscArrayRing} with two stores swapped in the producer. It publishes the new
 * tail <em>before</em> it writes the slot, so a reader that sees the new tail can read the slot's old value: an event
 * from a previous lap (or a zero) delivered as new. {@code ./wakepath check --target
 * ring=com.example.wakepath.EarlyPublishRing --classpath examples/target/wakepath-examples.jar} catches it and exits 1.
 */
public class EarlyPublishRing extends SpscArrayRing {

    public EarlyPublishRing(RingConfig config) {
        super(config);
    }

    @Override
    protected void write(long t, long event) {
        publishTail(t + 1);                            // BUG: the reader may take the slot from here on ...
        buffer[(int) t & mask] = event;                // ... before the event is in it
    }
}
