package io.wakepath.stress;

import io.wakepath.core.Strategy;
import io.wakepath.ring.RingStrategies;
import io.wakepath.stress.JcstressRun.Status;
import io.wakepath.stress.JcstressRun.TestResult;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JunitReportTest {
    private static final Strategy CORRECT = RingStrategies.REGISTRY.byId("spsc-release-acquire");
    private static final Strategy BROKEN = RingStrategies.REGISTRY.byId("broken-plain-publish");
    private static final String SAW = "stale event <0> & \"torn\"\u0001 read";

    private static TestResult result(String test, Status status) {
        return new TestResult(test, status, 100, status == Status.FAILED ? Map.of("1, -1", 3L) : Map.of(),
                status == Status.OK ? null : SAW);
    }

    private static Document parse(List<Verdict> verdicts) throws Exception {
        byte[] xml = JunitReport.of(verdicts).getBytes(StandardCharsets.UTF_8);
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static Element testCase(Document doc, String suite, String name) {
        NodeList cases = doc.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element e = (Element) cases.item(i);
            if (e.getAttribute("classname").equals(suite) && e.getAttribute("name").equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no test case " + suite + " / " + name);
    }

    private static String child(Element testCase) {
        return testCase.getFirstChild() == null ? "" : testCase.getFirstChild().getNodeName();
    }

    @Test
    void shouldFailWhereTheRunFailsAndNowhereElse() throws Exception {
        Path dir = Path.of("reports");
        List<Verdict> verdicts = List.of(
                new Verdict(CORRECT, List.of(result("lit", Status.OK), result("race", Status.FAILED),
                        result("model", Status.INCONCLUSIVE), result("chain", Status.HUNG)), dir),
                new Verdict(BROKEN, List.of(result("lit", Status.OK), result("caught", Status.FAILED)), dir),
                new Verdict(BROKEN, List.of(result("lit", Status.OK)), dir),
                new Verdict(CORRECT, List.of(result("found", Status.FAILED)), dir, true));
        Document doc = parse(verdicts);
        Element root = doc.getDocumentElement();
        assertEquals("testsuites", root.getNodeName());
        assertEquals("12", root.getAttribute("tests"));         // 4 + 2 + 1 + 1 results, and 4 verdict cases
        // the correct strategy's race and its verdict, and the broken one that slipped through
        assertEquals("3", root.getAttribute("failures"));
        assertEquals("1", root.getAttribute("errors"));
        assertEquals("1", root.getAttribute("skipped"));

        String correct = "ring.spsc-release-acquire";
        assertEquals("", child(testCase(doc, correct, "lit")));
        Element race = (Element) testCase(doc, correct, "race").getFirstChild();
        assertEquals("failure", race.getNodeName());
        assertEquals("stale event <0> & \"torn\"? read", race.getAttribute("message"));
        assertTrue(race.getTextContent().contains("3 forbidden"), race.getTextContent());
        assertEquals("skipped", child(testCase(doc, correct, "model")));
        assertEquals("error", child(testCase(doc, correct, "chain")));
        NodeList verdictCases = doc.getElementsByTagName("testsuite");
        assertEquals(4, verdictCases.getLength());
        assertEquals("2", ((Element) verdictCases.item(0)).getAttribute("failures"));

        Element caught = testCase(doc, "ring.broken-plain-publish", "caught");
        assertEquals("system-out", child(caught));
        assertTrue(caught.getTextContent().startsWith("CAUGHT: FAILED"), caught.getTextContent());
        assertEquals("0", ((Element) verdictCases.item(1)).getAttribute("failures"));
        Element slipped = (Element) ((Element) verdictCases.item(2)).getElementsByTagName("failure").item(0);
        assertTrue(slipped.getAttribute("message").startsWith("NOT CAUGHT"), slipped.getAttribute("message"));

        assertEquals("0", ((Element) verdictCases.item(3)).getAttribute("failures"));   // a peer fails nothing
        assertTrue(testCase(doc, correct, "found").getTextContent().startsWith("FOUND: "));
    }
}
