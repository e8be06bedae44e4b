package io.wakepath.cli;

import io.wakepath.core.CommandLine;
import io.wakepath.core.Json;
import io.wakepath.core.Peer;
import io.wakepath.core.Strategy;
import io.wakepath.core.StrategyInfo;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code wakepath list [--json]}: the registry, as a table or as JSON, and the peers {@code check --peers} checks
 * (their library and version).
 */
final class ListCommand {
    static final CommandLine OPTIONS = new CommandLine("list",
            "every strategy of every layer: id, correct or broken, the bug class of a broken one; then the peers")
            .flag("--json", "print the registry as JSON (fields: id, layer, correct, bugClass, description, details; "
                    + "peers have layer \"peer\", kind, library, version)");

    private ListCommand() {
    }

    static int run(String[] args, PrintStream out) {
        CommandLine.Parsed parsed = OPTIONS.parse(args);
        if (parsed.helpRequested()) {
            OPTIONS.printHelp(out);
            return 0;
        }
        List<Strategy> all = Registry.all();
        if (parsed.has("--json")) {
            List<Map<String, Object>> rows = new java.util.ArrayList<>(all.stream().map(ListCommand::toJson).toList());
            Peer.ALL.forEach(p -> rows.add(toJson(p)));
            out.print(Json.write(rows));
        } else {
            printTable(all, out);
            printPeers(out);
        }
        return 0;
    }

    static Map<String, Object> toJson(Strategy strategy) {
        StrategyInfo info = strategy.info();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", info.id());
        json.put("layer", info.layer().id());
        json.put("correct", info.correct());
        json.put("bugClass", info.bugClass());
        json.put("description", info.description());
        json.put("class", info.implementation().getName());
        json.put("details", strategy.details());
        return json;
    }

    static Map<String, Object> toJson(Peer peer) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", peer.className());
        json.put("layer", "peer");
        json.put("correct", null);
        json.put("bugClass", null);
        json.put("description", peer.library() + " " + peer.version() + ", checked as --target " + peer.kind() + "="
                + peer.topology().map(t -> " --topology " + t).orElse(""));
        json.put("kind", peer.kind());
        json.put("topology", peer.topology().orElse(null));
        json.put("library", peer.library());
        json.put("version", peer.version());
        return json;
    }

    private static void printPeers(PrintStream out) {
        int width = Peer.ALL.stream().mapToInt(p -> p.className().length()).max().orElse(5);
        String row = "%-15s %-" + width + "s %-9s %s%n";
        out.printf("%nPeers, checked by 'wakepath check --peers' as users' classes (no expected verdict):%n");
        out.printf(row, "KIND", "CLASS", "TOPOLOGY", "LIBRARY");
        for (Peer p : Peer.ALL) {
            out.printf(row, p.kind(), p.className(), p.topology().orElse("-"), p.library() + " " + p.version());
        }
    }

    private static void printTable(List<Strategy> all, PrintStream out) {
        int width = all.stream().mapToInt(s -> s.info().id().length()).max().orElse(2);
        String row = "%-9s %-" + width + "s %-8s %s%n";
        out.printf(row, "LAYER", "ID", "VERDICT", "DESCRIPTION");
        for (Strategy s : all) {
            StrategyInfo info = s.info();
            String what = info.correct() ? info.description()
                    : "[" + info.bugClass() + "] " + info.description();
            out.printf(row, info.layer().id(), info.id(), info.correct() ? "correct" : "BROKEN", what);
        }
        long broken = all.stream().filter(s -> !s.info().correct()).count();
        out.printf("%n%d strategies: %d correct, %d broken on purpose (each must be caught by ./wakepath test).%n",
                all.size(), all.size() - broken, broken);
    }
}
