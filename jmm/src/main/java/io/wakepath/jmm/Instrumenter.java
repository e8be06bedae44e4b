package io.wakepath.jmm;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.GeneratorAdapter;
import org.objectweb.asm.commons.Method;

/**
 * Rewrites a class under test so that every memory access and every synchronizing call reports itself to {@link Hb}:
 * field and array loads and stores, monitor enter and exit (and {@code synchronized} methods), and the calls
 * {@link Calls} classifies. Loads report after the load, stores before the store, so that release bookkeeping
 * precedes the store and acquire bookkeeping follows the load. Nothing else changes: the original instructions run
 * as they were, with their operands saved to fresh locals and reloaded where a call's arguments are needed (locals
 * are renumbered by {@link GeneratorAdapter}). Stack map frames are computed again, with a class hierarchy read from
 * class files rather than loaded classes (loading classes inside a transformer is not allowed to recurse).
 *
 * <p>Not tracked: static initializers' accesses (class initialization orders them before every use of the class;
 * their VarHandle and updater factories are still recorded), final fields (frozen at construction), accesses to the
 * JDK's own fields, and a constructor's stores before its {@code super(...)} call.
 */
final class Instrumenter {
    private static final Type HB = Type.getType(Hb.class);
    private static final Type OBJECT = Type.getType(Object.class);
    private static final Type THREAD = Type.getType(Thread.class);

    private Instrumenter() {
    }

    static byte[] instrument(byte[] bytes, ClassLoader loader) {
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new Hierarchy(loader);
        reader.accept(new ClassAdapter(writer, loader, FenceIdiom.scan(reader)), ClassReader.SKIP_FRAMES);
        return writer.toByteArray();
    }

    private static final class ClassAdapter extends ClassVisitor {
        private final ClassLoader loader;
        private final java.util.Map<String, java.util.BitSet> fenced;
        private String className;
        private String superName;
        private String file;

        ClassAdapter(ClassVisitor next, ClassLoader loader, java.util.Map<String, java.util.BitSet> fenced) {
            super(Opcodes.ASM9, next);
            this.loader = loader;
            this.fenced = fenced;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                          String[] interfaces) {
            this.className = name;
            this.superName = superName;
            this.file = name.substring(name.lastIndexOf('/') + 1) + ".java";
            super.visit(version, access, name, signature, superName, interfaces);
        }

        @Override
        public void visitSource(String source, String debug) {
            if (source != null) {
                file = source;
            }
            super.visitSource(source, debug);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String desc, String signature,
                                         String[] exceptions) {
            MethodVisitor mv = super.visitMethod(access, name, desc, signature, exceptions);
            if ((access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
                return mv;
            }
            return new MethodAdapter(mv, access, name, desc, this, fenced.getOrDefault(name + desc,
                    new java.util.BitSet()));
        }
    }

    private static final class MethodAdapter extends GeneratorAdapter {
        private final ClassAdapter cls;
        private final String methodName;
        private final boolean clinit;
        private final boolean synchronizedMethod;
        private final java.util.BitSet fenced;         // field instructions of the fence idiom (FenceIdiom)
        private boolean initialized;                  // in a constructor: after the super(...) or this(...) call
        private int line;
        private int fieldInsns;

        MethodAdapter(MethodVisitor next, int access, String name, String desc, ClassAdapter cls,
                      java.util.BitSet fenced) {
            super(Opcodes.ASM9, next, access, name, desc);
            this.cls = cls;
            this.fenced = fenced;
            this.methodName = name;
            this.clinit = name.equals("<clinit>");
            this.initialized = !name.equals("<init>");
            this.synchronizedMethod = (access & Opcodes.ACC_SYNCHRONIZED) != 0;
        }

        private boolean tracking() {
            return !clinit && initialized;
        }

        private int site(String target) {
            return site(target, false);
        }

        private int site(String target, boolean fencedAccess) {
            return Sites.register(cls.className.replace('/', '.'), methodName, cls.file, line, target, cls.loader,
                    fencedAccess);
        }

        private void hook(String name, String desc) {
            invokeStatic(HB, new Method(name, desc));
        }

        @Override
        public void visitLineNumber(int line, Label start) {
            this.line = line;
            super.visitLineNumber(line, start);
        }

        @Override
        public void visitCode() {
            super.visitCode();
            if (synchronizedMethod && !clinit) {
                loadMonitor();
                hook("monitorEnter", "(Ljava/lang/Object;)V");
            }
        }

        private void loadMonitor() {
            if ((getAccess() & Opcodes.ACC_STATIC) != 0) {
                push(Type.getObjectType(cls.className));
            } else {
                loadThis();
            }
        }

        // ---- instructions without operands: returns, monitors, arrays

        @Override
        public void visitInsn(int opcode) {
            if (synchronizedMethod && ((opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN)
                    || opcode == Opcodes.ATHROW)) {
                loadMonitor();
                hook("monitorExit", "(Ljava/lang/Object;)V");
            }
            if (!tracking()) {
                super.visitInsn(opcode);
                return;
            }
            switch (opcode) {
                case Opcodes.MONITORENTER -> {
                    dup();
                    super.visitInsn(opcode);
                    hook("monitorEnter", "(Ljava/lang/Object;)V");
                }
                case Opcodes.MONITOREXIT -> {
                    dup();
                    hook("monitorExit", "(Ljava/lang/Object;)V");
                    super.visitInsn(opcode);
                }
                case Opcodes.IALOAD, Opcodes.LALOAD, Opcodes.FALOAD, Opcodes.DALOAD, Opcodes.AALOAD, Opcodes.BALOAD,
                     Opcodes.CALOAD, Opcodes.SALOAD -> {
                    dup2();
                    push(site("array element"));
                    hook("arrayLoad", "(Ljava/lang/Object;II)V");
                    super.visitInsn(opcode);
                }
                case Opcodes.IASTORE, Opcodes.LASTORE, Opcodes.FASTORE, Opcodes.DASTORE, Opcodes.AASTORE,
                     Opcodes.BASTORE, Opcodes.CASTORE, Opcodes.SASTORE -> {
                    int value = newLocal(storedType(opcode));
                    storeLocal(value);
                    dup2();
                    push(site("array element"));
                    hook("arrayStore", "(Ljava/lang/Object;II)V");
                    loadLocal(value);
                    super.visitInsn(opcode);
                }
                default -> super.visitInsn(opcode);
            }
        }

        private static Type storedType(int opcode) {
            return switch (opcode) {
                case Opcodes.LASTORE -> Type.LONG_TYPE;
                case Opcodes.FASTORE -> Type.FLOAT_TYPE;
                case Opcodes.DASTORE -> Type.DOUBLE_TYPE;
                case Opcodes.AASTORE -> OBJECT;
                default -> Type.INT_TYPE;
            };
        }

        // ---- fields

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String desc) {
            boolean fencedAccess = fenced.get(fieldInsns++);
            if (!tracking() || owner.startsWith("java/") || owner.startsWith("javax/") || owner.startsWith("jdk/")
                    || owner.startsWith("sun/")) {
                super.visitFieldInsn(opcode, owner, name, desc);
                return;
            }
            int site = site(owner.replace('/', '.') + "." + name, fencedAccess);
            boolean wide = Type.getType(desc).getSize() == 2;
            switch (opcode) {
                case Opcodes.GETFIELD -> {
                    dup();
                    super.visitFieldInsn(opcode, owner, name, desc);
                    if (wide) {                         // (obj, v2) -> (v2, obj)
                        dup2X1();
                        pop2();
                    } else {                            // (obj, v) -> (v, obj)
                        swap();
                    }
                    push(site);
                    hook("getField", "(Ljava/lang/Object;I)V");
                }
                case Opcodes.PUTFIELD -> {
                    if (wide) {                         // (obj, v2) -> (obj, v2, obj)
                        dup2X1();
                        pop2();
                        dupX2();
                    } else {                            // (obj, v) -> (obj, v, obj)
                        dup2();
                        pop();
                    }
                    push(site);
                    hook("putField", "(Ljava/lang/Object;I)V");
                    super.visitFieldInsn(opcode, owner, name, desc);
                }
                case Opcodes.GETSTATIC -> {
                    super.visitFieldInsn(opcode, owner, name, desc);
                    push(site);
                    hook("getStatic", "(I)V");
                }
                default -> {
                    push(site);
                    hook("putStatic", "(I)V");
                    super.visitFieldInsn(opcode, owner, name, desc);
                }
            }
        }

        // ---- calls

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String desc, boolean itf) {
            if (!initialized && opcode == Opcodes.INVOKESPECIAL && name.equals("<init>")
                    && (owner.equals(cls.superName) || owner.equals(cls.className))) {
                super.visitMethodInsn(opcode, owner, name, desc, itf);
                initialized = true;
                return;
            }
            Calls call = Calls.of(opcode, owner, name, desc);
            if (call == null || (!initialized && !clinit)) {
                super.visitMethodInsn(opcode, owner, name, desc, itf);
                return;
            }
            if (clinit && call.family() != Calls.Family.VARHANDLE_FACTORY
                    && call.family() != Calls.Family.UPDATER_FACTORY && call.family() != Calls.Family.NEW_CONDITION) {
                super.visitMethodInsn(opcode, owner, name, desc, itf);
                return;
            }
            new Call(opcode, owner, name, desc, itf, call).emit();
        }

        /** One classified call: its operands saved to locals, the hooks around the original instruction. */
        private final class Call {
            private final int opcode;
            private final String owner;
            private final String name;
            private final String desc;
            private final boolean itf;
            private final Calls call;
            private final Type[] args;
            private final Type result;
            private int[] argLocals;
            private int receiver = -1;

            Call(int opcode, String owner, String name, String desc, boolean itf, Calls call) {
                this.opcode = opcode;
                this.owner = owner;
                this.name = name;
                this.desc = desc;
                this.itf = itf;
                this.call = call;
                this.args = Type.getArgumentTypes(desc);
                this.result = Type.getReturnType(desc);
            }

            void emit() {
                switch (call.family()) {
                    case FENCE -> {
                        push(call.mode() != Mode.RELEASE);
                        push(call.mode() != Mode.ACQUIRE);
                        hook("fence", "(ZZ)V");
                        original();
                    }
                    case VARHANDLE_FACTORY -> {
                        String hbDesc = opcode == Opcodes.INVOKESTATIC ? desc
                                : "(Ljava/lang/invoke/MethodHandles$Lookup;" + desc.substring(1);
                        invokeStatic(HB, new Method(name, hbDesc));
                    }
                    case UPDATER_FACTORY -> {
                        spill();
                        reload();
                        original();
                        dup();
                        loadLocal(argLocals[0]);
                        loadLocal(argLocals[args.length - 1]);
                        hook("updaterCreated", "(Ljava/lang/Object;Ljava/lang/Class;Ljava/lang/String;)V");
                    }
                    case NEW_CONDITION -> {
                        spill();
                        reload();
                        original();
                        dup();
                        loadLocal(receiver);
                        hook("conditionCreated", "(Ljava/lang/Object;Ljava/lang/Object;)V");
                    }
                    case VARHANDLE, UNSAFE, ATOMIC, ATOMIC_ARRAY, UPDATER -> memory();
                    case MONITOR_WAIT -> around("monitorExit", "monitorEnter");
                    case LOCK -> acquiring(false);
                    case TRY_LOCK, SYNC_ACQUIRE -> acquiring(result.getSort() == Type.BOOLEAN);
                    case UNLOCK, SYNC_RELEASE -> before("releasing", OBJECT);
                    case SYNC_BOTH -> {
                        spill();
                        loadLocal(receiver);
                        hook("releasing", "(Ljava/lang/Object;)V");
                        reload();
                        original();
                        loadLocal(receiver);
                        push(true);
                        hook("acquired", "(Ljava/lang/Object;Z)V");
                    }
                    case AWAIT -> around("awaiting", "awoken");
                    case COLLECTION_INSERT -> before("inserting", OBJECT);
                    case COLLECTION_ACCESS -> after("accessed", OBJECT);
                    case THREAD_START -> before("starting", THREAD);
                    case THREAD_JOIN -> after("joined", THREAD);
                    case INTERRUPT -> before("interrupting", THREAD);
                    case UNPARK -> {
                        spill();
                        loadLocal(argLocals[0]);
                        hook("unparking", "(" + THREAD.getDescriptor() + ")V");
                        reload();
                        original();
                    }
                    case IS_INTERRUPTED -> {
                        spill();
                        reload();
                        original();
                        dup();
                        int seen = newLocal(Type.BOOLEAN_TYPE);
                        storeLocal(seen);
                        loadLocal(receiver);
                        loadLocal(seen);
                        hook("interruptSeen", "(Ljava/lang/Thread;Z)V");
                    }
                    case INTERRUPTED -> {
                        original();
                        dup();
                        int seen = newLocal(Type.BOOLEAN_TYPE);
                        storeLocal(seen);
                        invokeStatic(THREAD, new Method("currentThread", "()Ljava/lang/Thread;"));
                        loadLocal(seen);
                        hook("interruptSeen", "(Ljava/lang/Thread;Z)V");
                    }
                }
            }

            /** A memory operation: the before hook for stores, the after hook for loads, both for read-modify-writes. */
            private void memory() {
                spill();
                int kind = call.kind();
                int op = Hb.op(kind, call.mode());
                int site = site(owner.substring(owner.lastIndexOf('/') + 1) + "." + name);
                if (kind != Hb.READ) {
                    memoryHook(op, site, false, -1);
                }
                reload();
                original();
                if (kind != Hb.WRITE) {
                    int success = -1;
                    if (kind == Hb.CAS && result.getSort() == Type.BOOLEAN) {
                        dup();
                        success = newLocal(Type.BOOLEAN_TYPE);
                        storeLocal(success);
                    }
                    memoryHook(op, site, true, success);
                }
            }

            private void memoryHook(int op, int site, boolean after, int success) {
                switch (call.family()) {
                    case VARHANDLE -> {
                        loadLocal(receiver);
                        reference(0);
                        index(1);
                    }
                    case UNSAFE -> {
                        loadLocal(argLocals[0]);
                        loadLocal(argLocals[1]);
                    }
                    case ATOMIC -> {
                        loadLocal(receiver);
                        push(-1);
                    }
                    case ATOMIC_ARRAY -> {
                        loadLocal(receiver);
                        loadLocal(argLocals[0]);
                    }
                    default -> {                        // UPDATER: the updater, then the object
                        loadLocal(receiver);
                        loadLocal(argLocals[0]);
                    }
                }
                push(op);
                push(site);
                push(after);
                if (success >= 0) {
                    loadLocal(success);
                } else {
                    push(true);
                }
                String head = switch (call.family()) {
                    case VARHANDLE -> "(Ljava/lang/invoke/VarHandle;Ljava/lang/Object;I";
                    case UNSAFE -> "(Ljava/lang/Object;J";
                    case ATOMIC, ATOMIC_ARRAY -> "(Ljava/lang/Object;I";
                    default -> "(Ljava/lang/Object;Ljava/lang/Object;";
                };
                String hookName = switch (call.family()) {
                    case VARHANDLE -> "varHandle";
                    case UNSAFE -> "unsafe";
                    case ATOMIC, ATOMIC_ARRAY -> "atomic";
                    default -> "updater";
                };
                hook(hookName, head + "IIZZ)V");
            }

            /** The VarHandle coordinate: argument {@code i} if it is a reference, else null. */
            private void reference(int i) {
                if (i < args.length && (args[i].getSort() == Type.OBJECT || args[i].getSort() == Type.ARRAY)) {
                    loadLocal(argLocals[i]);
                } else {
                    push((Type) null);
                }
            }

            /** The array index: argument {@code i} if the first is a reference and this one an int, else -1. */
            private void index(int i) {
                boolean firstIsReference = args.length > 0
                        && (args[0].getSort() == Type.OBJECT || args[0].getSort() == Type.ARRAY);
                if (firstIsReference && i < args.length && args[i].getSort() == Type.INT) {
                    loadLocal(argLocals[i]);
                } else {
                    push(-1);
                }
            }

            private void acquiring(boolean conditional) {
                spill();
                reload();
                original();
                int success = -1;
                if (conditional) {
                    dup();
                    success = newLocal(Type.BOOLEAN_TYPE);
                    storeLocal(success);
                }
                loadLocal(receiver);
                if (success >= 0) {
                    loadLocal(success);
                } else {
                    push(true);
                }
                hook("acquired", "(Ljava/lang/Object;Z)V");
            }

            private void before(String hookName, Type param) {
                spill();
                loadLocal(receiver);
                hook(hookName, "(" + param.getDescriptor() + ")V");
                reload();
                original();
            }

            private void after(String hookName, Type param) {
                spill();
                reload();
                original();
                loadLocal(receiver);
                hook(hookName, "(" + param.getDescriptor() + ")V");
            }

            private void around(String beforeHook, String afterHook) {
                spill();
                loadLocal(receiver);
                hook(beforeHook, "(Ljava/lang/Object;)V");
                reload();
                original();
                loadLocal(receiver);
                hook(afterHook, "(Ljava/lang/Object;)V");
            }

            /** Saves the arguments (last first) and the receiver into new locals. */
            private void spill() {
                argLocals = new int[args.length];
                for (int i = args.length - 1; i >= 0; i--) {
                    argLocals[i] = newLocal(args[i]);
                    storeLocal(argLocals[i]);
                }
                if (opcode != Opcodes.INVOKESTATIC) {
                    receiver = newLocal(Type.getObjectType(owner));
                    storeLocal(receiver);
                }
            }

            private void reload() {
                if (receiver >= 0) {
                    loadLocal(receiver);
                }
                for (int i = 0; i < args.length; i++) {
                    loadLocal(argLocals[i]);
                }
            }

            private void original() {
                MethodAdapter.super.visitMethodInsn(opcode, owner, name, desc, itf);
            }
        }
    }
}
