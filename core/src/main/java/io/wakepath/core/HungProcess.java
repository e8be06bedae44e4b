package io.wakepath.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A child VM that did not finish in time: the stacks of every VM in its process tree are saved, then the tree is killed. */
public final class HungProcess {
    private HungProcess() {
    }

    /** Saves the thread stacks of every VM in {@code process}'s tree into {@code file}, then kills the tree. */
    public static void killWithStacks(Process process, Path file) throws IOException, InterruptedException {
        dumpStacks(process, file);
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Thread stacks of every VM in the hung process tree (jcmd Thread.print), into {@code file}. */
    private static void dumpStacks(Process process, Path file) throws IOException, InterruptedException {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        List<ProcessHandle> vms = new ArrayList<>(process.descendants().toList());
        vms.add(0, process.toHandle());
        Files.writeString(file, "");
        for (ProcessHandle vm : vms) {
            Files.writeString(file, "==== pid " + vm.pid() + " " + vm.info().commandLine().orElse("?") + "\n",
                    StandardOpenOption.APPEND);
            Process dump = new ProcessBuilder(jcmd, Long.toString(vm.pid()), "Thread.print")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(file.toFile()))
                    .start();
            if (!dump.waitFor(20, TimeUnit.SECONDS)) {
                dump.destroyForcibly();
                Files.writeString(file, "(jcmd did not answer in 20 s)\n", StandardOpenOption.APPEND);
            }
        }
    }
}
