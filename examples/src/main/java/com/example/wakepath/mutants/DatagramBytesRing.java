package com.example.wakepath.mutants;

import com.example.wakepath.SpscArrayRing;
import io.wakepath.ring.RingConfig;

/**
 * A byte stream read as datagrams: a read that ends inside an event frees the whole slot, so the rest of that event
 * is gone ("the reader asked for fewer bytes than a record: truncate, as recv does on a datagram socket"). A reader
 * whose buffer is not a multiple of 8 bytes, or that reads a header first, loses the tail of every event it splits.
 */
public class DatagramBytesRing extends SpscArrayRing {

    public DatagramBytesRing(RingConfig config) {
        super(config);
    }

    @Override
    protected boolean keepsPartialEvent() {
        return false;
    }
}
