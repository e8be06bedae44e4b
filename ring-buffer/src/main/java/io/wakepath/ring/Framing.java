package io.wakepath.ring;

/** How readers see the events. */
public enum Framing {
    /** One event per slot; {@link RingReader#read(long[], int, int)} returns whole events. */
    FRAME,
    /**
     * The events form a byte stream, each event as 8 little-endian bytes; {@link RingReader#read(byte[], int, int)}
     * may return any number of bytes, splitting an event. A partly read event keeps its slot until its last byte is
     * read, so capacity and size still count events.
     */
    BYTE_STREAM
}
