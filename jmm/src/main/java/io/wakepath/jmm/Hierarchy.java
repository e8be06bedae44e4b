package io.wakepath.jmm;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A class writer that computes stack map frames with a class hierarchy read from class files (through the loader's
 * resources), never by loading classes: a transformer must not load the classes it may be asked to transform.
 */
final class Hierarchy extends ClassWriter {
    private record Info(String superName, boolean isInterface) {
    }

    private static final Info UNKNOWN = new Info(null, false);
    private static final Map<String, Info> CACHE = new ConcurrentHashMap<>();

    private final ClassLoader loader;

    Hierarchy(ClassLoader loader) {
        super(COMPUTE_FRAMES);
        this.loader = loader;
    }

    @Override
    protected String getCommonSuperClass(String a, String b) {
        if (a.equals(b)) {
            return a;
        }
        Info ia = info(a);
        Info ib = info(b);
        if (ia.isInterface() || ib.isInterface()) {
            return "java/lang/Object";
        }
        List<String> ancestorsOfA = ancestors(a);
        for (String c : ancestors(b)) {
            if (ancestorsOfA.contains(c)) {
                return c;
            }
        }
        return "java/lang/Object";
    }

    private List<String> ancestors(String type) {
        List<String> chain = new ArrayList<>();
        for (String c = type; c != null; c = info(c).superName()) {
            chain.add(c);
        }
        return chain;
    }

    private Info info(String type) {
        Info cached = CACHE.get(loaderKey(type));
        if (cached != null) {
            return cached;
        }
        Info info = UNKNOWN;
        try (InputStream in = open(type + ".class")) {
            if (in != null) {
                ClassReader r = new ClassReader(in);
                info = new Info(r.getSuperName(), (r.getAccess() & Opcodes.ACC_INTERFACE) != 0);
            }
        } catch (IOException e) {
            info = UNKNOWN;
        }
        CACHE.put(loaderKey(type), info);
        return info;
    }

    private String loaderKey(String type) {
        return System.identityHashCode(loader) + "/" + type;
    }

    private InputStream open(String resource) {
        InputStream in = loader == null ? null : loader.getResourceAsStream(resource);
        return in != null ? in : ClassLoader.getSystemResourceAsStream(resource);
    }
}
