package io.wakepath.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The processor a measurement ran on, as the kernel names it: ratios between contenders move with the CPU (the same
 * rings and peers measured on two machines a day apart ranked differently), so every result carries it.
 */
public final class CpuModel {
    private static final Path CPUINFO = Path.of("/proc/cpuinfo");

    private CpuModel() {
    }

    /** {@code /proc/cpuinfo}'s model name (with family and model numbers where given), else the architecture. */
    public static String name() {
        try {
            return name(Files.readAllLines(CPUINFO));
        } catch (IOException | RuntimeException e) {
            return unknown();
        }
    }

    static String name(List<String> cpuinfo) {
        String model = field(cpuinfo, "model name");
        if (model == null) {
            return unknown();
        }
        String family = field(cpuinfo, "cpu family");
        String number = field(cpuinfo, "model");
        return family == null || number == null ? model : model + " (family " + family + ", model " + number + ")";
    }

    /** The first value of {@code key} ({@code key<tabs>: value}), or null. */
    private static String field(List<String> cpuinfo, String key) {
        for (String line : cpuinfo) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equals(key)) {
                return line.substring(colon + 1).strip();
            }
        }
        return null;
    }

    private static String unknown() {
        return "unknown (" + System.getProperty("os.arch") + ")";
    }
}
