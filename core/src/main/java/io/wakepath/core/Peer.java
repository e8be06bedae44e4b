package io.wakepath.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A structure people would pick instead of writing their own (a JDK, JCTools, Agrona or Disruptor class), checked by
 * {@code check --peers} as a user's class of its kind, from its published jar. The one list is {@code peers.tsv}
 * beside this class; the library versions in it are the build's.
 *
 * @param kind      the {@code --target} kind it is checked as ({@code queue}, {@code blocking-queue},
 *                  {@code wait-strategy})
 * @param className its fully qualified name
 * @param topology  the {@code --topology} it documents, when its kind takes one
 * @param library   {@code JDK}, {@code JCTools}, ...
 * @param artifact  its Maven {@code groupId:artifactId:version}; empty for the JDK's
 */
public record Peer(String kind, String className, Optional<String> topology, String library,
                   Optional<String> artifact) {

    /** Every peer, in the order they are checked and listed. */
    public static final List<Peer> ALL = load();

    /** The library's version: the artifact's, or this JDK's feature release. */
    public String version() {
        return artifact.map(a -> a.substring(a.lastIndexOf(':') + 1))
                .orElse(Integer.toString(Runtime.version().feature()));
    }

    /** Its jar's file name in the peers folder (as Maven's dependency plugin names copies), if not the JDK's. */
    public Optional<String> jarName() {
        return artifact.map(a -> {
            String[] gav = a.split(":");
            return gav[1] + "-" + gav[2] + ".jar";
        });
    }

    /** The class's simple name, for tables. */
    public String simpleName() {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** Where the build puts the peers' jars: {@code <root>/stress-tests/target/peers}. */
    public static Path jarFolder(Path root) {
        return root.resolve("stress-tests").resolve("target").resolve("peers");
    }

    private static List<Peer> load() {
        List<Peer> peers = new ArrayList<>();
        try (InputStream in = Peer.class.getResourceAsStream("peers.tsv")) {
            if (in == null) {
                throw new IllegalStateException("peers.tsv is missing from the core jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length != 5) {
                    throw new IllegalStateException("peers.tsv: 5 tab-separated fields expected: " + line);
                }
                peers.add(new Peer(f[0], f[1], optional(f[2]), f[3], optional(f[4])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(peers);
    }

    private static Optional<String> optional(String field) {
        return field.equals("-") ? Optional.empty() : Optional.of(field);
    }
}
