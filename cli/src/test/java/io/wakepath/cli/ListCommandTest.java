package io.wakepath.cli;

import io.wakepath.core.Peer;
import io.wakepath.core.UsageException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ListCommandTest {

    private static String run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertEquals(0, ListCommand.run(args, new PrintStream(bytes, true)));
        return bytes.toString();
    }

    @Test
    void shouldPrintEveryStrategyWithItsVerdictAndBugClass() {
        String table = run();
        Registry.all().forEach(s -> assertTrue(table.contains(s.info().id()), s.info().id()));
        assertTrue(table.contains("BROKEN   [index published before data"), table);
        Peer.ALL.forEach(p -> assertTrue(table.contains(p.className()), p.className()));
    }

    @Test
    void shouldPrintTheRegistryAsJsonWithTheDocumentedFields() {
        String json = run("--json");
        long ids = json.lines().filter(l -> l.trim().startsWith("\"id\":")).count();
        assertEquals(Registry.all().size() + Peer.ALL.size(), ids, "the strategies, then the peers");
        for (String field : new String[] {"\"layer\": \"ring\"", "\"correct\": false", "\"bugClass\": null",
                "\"description\":", "\"topology\": \"SPSC\"", "\"layer\": \"peer\"", "\"library\": \"JCTools\""}) {
            assertTrue(json.contains(field), field);
        }
    }

    @Test
    void shouldRefuseAnUnknownOption() {
        assertThrows(UsageException.class, () -> ListCommand.run(new String[] {"--yaml"}, System.out));
    }
}
