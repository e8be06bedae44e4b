package io.wakepath.jmm;

import java.util.List;

/**
 * A finding placed in the source, for tools that show findings beside code (SARIF): the kind of bug, its one-line
 * account, and each source line with its part in it, the line where it shows first.
 *
 * @param rule    {@code data-race} or {@code lost-wakeup}
 * @param message the finding's one-line summary
 * @param seen    how many times this run saw it
 * @param places  the source lines: the first is where it is shown (a race's write; a lost wakeup's store with no full
 *                barrier after it), the others what it pairs with
 */
public record Finding(String rule, String message, int seen, List<Place> places) {

    /**
     * A source line.
     *
     * @param path the source file under its source root, from the class's package and source file attribute
     *             ({@code io/wakepath/ring/SpscRing.java})
     * @param line the line, or 0 when the class has no line numbers
     * @param role its part in the finding ({@code plain write to tail in producer})
     */
    public record Place(String path, int line, String role) {

        static Place of(int site, String role) {
            Site s = Sites.get(site);
            int dot = s.owner().lastIndexOf('.');
            String folder = dot < 0 ? "" : s.owner().substring(0, dot).replace('.', '/') + "/";
            return new Place(folder + s.file(), s.line(), role);
        }
    }
}
