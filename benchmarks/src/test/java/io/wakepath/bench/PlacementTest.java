package io.wakepath.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PlacementTest {

    @Test
    void shouldReadTheKernelsCpuListsWithRangesAndSingles() {
        assertEquals(List.of(0, 1), Placement.parseCpuList("0-1"));
        assertEquals(List.of(0, 2, 3, 4, 7), Placement.parseCpuList("0,2-4,7"));
        assertEquals(List.of(5), Placement.parseCpuList("5"));
    }
}
