package io.wakepath.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class CpuModelTest {
    @Test
    void shouldNameTheModelWithItsFamilyAndNumber() {
        List<String> cpuinfo = List.of("processor\t: 0", "vendor_id\t: AuthenticAMD", "cpu family\t: 26",
                "model\t\t: 2", "model name\t: AMD EPYC", "stepping\t: 1", "processor\t: 1", "model name\t: other");
        assertEquals("AMD EPYC (family 26, model 2)", CpuModel.name(cpuinfo));
    }

    @Test
    void shouldSayUnknownWithTheArchitectureWhenThereIsNoModelName() {
        assertEquals("unknown (" + System.getProperty("os.arch") + ")", CpuModel.name(List.of("Processor\t: ARMv7")));
        assertFalse(CpuModel.name().isBlank());
    }
}
