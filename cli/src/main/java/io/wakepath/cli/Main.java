package io.wakepath.cli;

import io.wakepath.core.CommandLine;
import io.wakepath.core.UsageException;
import io.wakepath.irq.diagnose.DiagnoseCommand;
import io.wakepath.irq.diagnose.SoakCommand;

import java.util.Arrays;

/** Entry point of {@code wakepath-cli.jar}: {@code <command> [options]} for the commands that live here. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        CommandLine.exit(args.length == 0 ? "" : args[0], args, () -> {
            if (args.length == 0) {
                throw new UsageException("missing command (see: wakepath --help)");
            }
            String[] rest = Arrays.copyOfRange(args, 1, args.length);
            return switch (args[0]) {
                case "list" -> ListCommand.run(rest, System.out);
                case "diagnose" -> DiagnoseCommand.run(rest, System.out);
                case "soak" -> SoakCommand.run(rest, System.out);
                default -> throw new UsageException("unknown command '" + args[0] + "' (see: wakepath --help)");
            };
        });
    }
}
