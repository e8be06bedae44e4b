package io.wakepath.latency;

import io.wakepath.bench.CpuModel;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Where a report was measured: what a reader needs to compare two reports. */
record Environment(String jdk, String vm, String gc, int cpus, String cpu, String os, String date, String revision) {

    static Environment now() {
        String gc = ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(", "));
        return new Environment(System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"), gc,
                Runtime.getRuntime().availableProcessors(), CpuModel.name(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), gitRevision());
    }

    /** The git revision of the tree being measured ({@code wakepath.root}), with "+dirty" when it has changes. */
    private static String gitRevision() {
        String root = System.getProperty("wakepath.root", ".");
        try {
            String head = git(root, "rev-parse", "--short=12", "HEAD");
            String status = git(root, "status", "--porcelain", "--untracked-files=no");
            return head.isEmpty() ? "unknown" : head + (status.isEmpty() ? "" : "+dirty");
        } catch (Exception e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static String git(String root, String... args) throws Exception {
        String[] command = new String[args.length + 3];
        command[0] = "git";
        command[1] = "-C";
        command[2] = root;
        System.arraycopy(args, 0, command, 3, args.length);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "";
        }
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        return p.exitValue() == 0 ? text : "";
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jdk", jdk);
        m.put("vm", vm);
        m.put("gc", gc);
        m.put("cpus", cpus);
        m.put("cpu", cpu);
        m.put("os", os);
        m.put("date", date);
        m.put("revision", revision);
        return m;
    }
}
