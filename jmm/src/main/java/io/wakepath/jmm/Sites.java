package io.wakepath.jmm;

import java.util.concurrent.CopyOnWriteArrayList;

/** Every instrumented instruction, by id. Written while classes load, read by the runtime; never cleared. */
public final class Sites {
    private static final CopyOnWriteArrayList<Site> ALL = new CopyOnWriteArrayList<>();

    private Sites() {
    }

    static synchronized int register(String owner, String method, String file, int line, String target,
                                     ClassLoader loader, boolean fenced) {
        int id = ALL.size();
        ALL.add(new Site(id, owner, method, file, line, target, loader, fenced));
        return id;
    }

    static Site get(int id) {
        return ALL.get(id);
    }

    /** Sites registered so far: how much of the code under test was instrumented. */
    public static int count() {
        return ALL.size();
    }
}
