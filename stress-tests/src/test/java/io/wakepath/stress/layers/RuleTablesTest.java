package io.wakepath.stress.layers;

import io.wakepath.core.Strategy;
import io.wakepath.stress.harness.ChainCase;
import io.wakepath.stress.harness.LayerBinding;
import io.wakepath.stress.harness.Rule;
import io.wakepath.stress.harness.TargetKind;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The rule tables name only what exists: every property a test, a case, a model check or the race detector of the
 * rule's layer; every variant a broken strategy of the layer or a mutant or control that {@code tests/mutants.sh}
 * runs. And {@code docs/ARCHITECTURE.md} prints the tables as the code has them (run with
 * {@code -Dwakepath.rules.write=true} to rewrite that section after changing a table).
 */
class RuleTablesTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String BEGIN = "<!-- rule tables: generated from the bindings by RuleTablesTest -->";
    private static final String END = "<!-- end of rule tables -->";

    @Test
    void shouldNameOnlyPropertiesThatExist() {
        for (LayerBinding b : Bindings.ALL) {
            Set<String> cases = chainCases(b);
            Set<String> ids = new HashSet<>();
            for (Rule r : b.rules()) {
                assertTrue(r.id().startsWith(b.layer().id() + "."), r.id() + ": ids start with the layer's");
                assertTrue(ids.add(r.id()), r.id() + " twice");
                for (String p : r.properties()) {
                    boolean known = p.equals("chain:*") ? !cases.isEmpty()
                            : p.startsWith("chain:") ? cases.contains(p.substring("chain:".length()))
                            : p.startsWith("model:") ? b.modelChecks(sample(b)).isPresent()
                            : p.equals("jmm:races") ? !b.jmmWorkloads(sample(b)).isEmpty()
                            : litmusTest(b, p);
                    assertTrue(known, r.id() + " names " + p + ", which " + b.layer().id() + " does not have");
                }
            }
        }
    }

    @Test
    void shouldNameOnlyVariantsThatExistAndAreRun() throws IOException {
        String mutants = Files.readString(ROOT.resolve("tests/mutants.sh"));
        for (LayerBinding b : Bindings.ALL) {
            for (Rule r : b.rules()) {
                for (String k : r.killers()) {
                    boolean broken = b.registry().all().stream()
                            .anyMatch(s -> s.id().equals(k) && !s.info().correct());
                    boolean example = mutants.contains(":com.example.wakepath." + k + " ")
                            || mutants.contains(":com.example.wakepath." + k + ";")
                            || mutants.contains(":com.example.wakepath." + k + "\n");
                    assertTrue(broken || example, r.id() + " names " + k
                            + ": neither a broken " + b.layer().id() + " strategy nor a class tests/mutants.sh runs");
                }
            }
        }
    }

    @Test
    void shouldBePrintedInTheArchitectureDocAsTheCodeHasThem() throws IOException {
        Path doc = ROOT.resolve("docs/ARCHITECTURE.md");
        String text = Files.readString(doc);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            fail("docs/ARCHITECTURE.md has no rule-table section (" + BEGIN + " ... " + END + ")");
        }
        StringBuilder tables = new StringBuilder(BEGIN).append("\n");
        for (LayerBinding b : Bindings.ALL) {
            tables.append("\n**").append(b.layer().id()).append("**\n\n").append(Rule.markdown(b.rules()));
        }
        tables.append("\n");
        String updated = text.substring(0, begin) + tables + text.substring(end);
        if (Boolean.getBoolean("wakepath.rules.write")) {
            Files.writeString(doc, updated);
            return;
        }
        assertEquals(updated, text, "docs/ARCHITECTURE.md's rule tables differ from the bindings': run "
                + "./mvnw -pl stress-tests -am test -Dtest=RuleTablesTest -Dwakepath.rules.write=true "
                + "-Dsurefire.failIfNoSpecifiedTests=false");
    }

    /** A jcstress test of the layer's catalogue, or a class whose nested tests are. */
    private static boolean litmusTest(LayerBinding b, String name) {
        try {
            Class<?> test = Class.forName(b.getClass().getPackageName() + "." + name.replace('.', '$'), false,
                    RuleTablesTest.class.getClassLoader());
            return b.covers(test) || Arrays.stream(test.getDeclaredClasses()).anyMatch(b::covers);
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static Set<String> chainCases(LayerBinding b) {
        Set<String> names = new HashSet<>();
        List<Strategy> strategies = new ArrayList<>(b.registry().all());
        strategies.add(sample(b));
        for (Strategy s : strategies) {
            b.chainCases(s).stream().map(ChainCase::name).forEach(names::add);
        }
        return names;
    }

    /** A strategy of the layer: its default, or (a layer of targets only) the JDK's ArrayBlockingQueue. */
    private static Strategy sample(LayerBinding b) {
        if (!b.registry().all().isEmpty()) {
            return b.registry().byDefault();
        }
        TargetKind kind = b.targetKinds().get(0);
        return kind.wrap().apply(ArrayBlockingQueue.class, Map.of());
    }
}
