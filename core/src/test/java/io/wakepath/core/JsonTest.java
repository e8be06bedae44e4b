package io.wakepath.core;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonTest {

    @Test
    void shouldWriteNestedValuesInOrder() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", "a\"b\\c\n");
        map.put("n", 3);
        map.put("ok", true);
        map.put("none", null);
        map.put("list", List.of(1.5, Double.NaN));
        map.put("empty", List.of());
        assertEquals("""
                {
                  "id": "a\\"b\\\\c\\n",
                  "n": 3,
                  "ok": true,
                  "none": null,
                  "list": [
                    1.5,
                    null
                  ],
                  "empty": []
                }
                """, Json.write(map));
    }

    @Test
    void shouldEscapeControlCharacters() {
        assertEquals("\"\\u0001\"\n", Json.write("\u0001"));
    }

    @Test
    void shouldRefuseWhatIsNotJson() {
        assertThrows(IllegalArgumentException.class, () -> Json.write(new Object()));
    }

    @Test
    void shouldReadBackWhatItWrites() {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        map.put("name", "a \"quoted\"\n\u0001 line");
        map.put("n", 42L);
        map.put("x", 1.5);
        map.put("ok", true);
        map.put("none", null);
        map.put("list", java.util.List.of(1L, "two", java.util.List.of()));
        map.put("empty", Map.of());
        assertEquals(map, Json.parse(Json.write(map)));
    }

    @Test
    void shouldRefuseBrokenJsonWithTheOffset() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\": [1, }"));
        assertEquals(true, e.getMessage().contains("offset"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[1] x"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("\"open"));
    }
}
