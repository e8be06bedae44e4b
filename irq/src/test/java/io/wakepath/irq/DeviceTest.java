package io.wakepath.irq;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeviceTest {

    @Test
    void rxLatchesOnlyWhenTheFifoGoesFromEmptyToNonEmpty() {
        Device d = new Device("d", 4);
        d.raise(0);
        assertEquals(Device.RX, d.readStatus());
        d.writeStatus(Device.RX);
        d.raise(1);                                   // FIFO not empty: nothing latches
        assertEquals(0, d.readStatus());
        assertEquals(0, d.readData());
        assertEquals(1, d.readData());
        assertEquals(Device.NO_DATA, d.readData());
        d.raise(2);
        assertEquals(Device.RX, d.readStatus());
    }

    @Test
    void writeOneToClearClearsOnlyTheBitsWritten() {
        Device d = new Device("d", 1);
        d.raise(0);
        d.raise(1);                                   // full: overrun
        assertEquals(Device.RX | Device.OVR, d.readStatus());
        d.writeStatus(Device.OVR);
        assertEquals(Device.RX, d.readStatus());
        d.writeStatus(0);
        assertEquals(Device.RX, d.readStatus());
        Device.Counters c = d.counters();
        assertEquals(2, c.raised());
        assertEquals(1, c.overruns());
        assertTrue(c.conserved());
    }

    @Test
    void theOutputFollowsStatusAndMask() {
        Device d = new Device("d", 4);
        assertFalse(d.asserting());
        d.writeMask(Device.RX);
        d.raise(0);
        assertFalse(d.asserting(), "masked");
        d.writeMask(0);
        assertTrue(d.asserting());
        d.writeStatus(Device.RX);
        assertFalse(d.asserting());
    }

    @Test
    void samplesLeftWithRxClearAreStranded() {
        Device d = new Device("d", 4);
        d.raise(0);
        d.writeStatus(Device.RX);
        assertEquals(1, d.stranded());
        d.readData();
        assertEquals(0, d.stranded());
    }
}
