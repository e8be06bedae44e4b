package io.wakepath.jmm;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the fence-based idiom, so that its plain field accesses are taken for the opaque accesses they stand for: a
 * field load followed by an acquire (or full) fence, with nothing but locals and constants between, is an acquire
 * load; a field store preceded by a release (or full) fence is a release store. The LMAX Disruptor's {@code Sequence}
 * is written this way ({@code value = this.value; VarHandle.acquireFence();}), as the JDK's fence documentation
 * describes. A first pass over the class, before it is instrumented: per method, which of its field instructions
 * (counted in order) are fenced.
 */
final class FenceIdiom {
    private enum Token { LOAD, STORE, ACQUIRE, RELEASE, FULL, OTHER, LABEL }

    private FenceIdiom() {
    }

    /** Method name + descriptor -> the indices of its fenced field instructions. */
    static Map<String, BitSet> scan(ClassReader reader) {
        Map<String, BitSet> fenced = new HashMap<>();
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] exceptions) {
                return new Scanner(fenced, name + desc);
            }
        }, ClassReader.SKIP_FRAMES | ClassReader.SKIP_DEBUG);
        return fenced;
    }

    private static final class Scanner extends MethodVisitor {
        private final Map<String, BitSet> out;
        private final String key;
        private final List<Token> tokens = new ArrayList<>();
        private final List<Label> labels = new ArrayList<>();      // the label of each LABEL token, else null
        private final List<Integer> fieldIndex = new ArrayList<>(); // the field instruction's index, else -1
        private final Set<Label> targets = new HashSet<>();
        private int fields;

        Scanner(Map<String, BitSet> out, String key) {
            super(Opcodes.ASM9);
            this.out = out;
            this.key = key;
        }

        private void add(Token t) {
            tokens.add(t);
            labels.add(null);
            fieldIndex.add(-1);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String desc) {
            boolean load = opcode == Opcodes.GETFIELD || opcode == Opcodes.GETSTATIC;
            tokens.add(load ? Token.LOAD : Token.STORE);
            labels.add(null);
            fieldIndex.add(fields++);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String desc, boolean itf) {
            Calls call = Calls.of(opcode, owner, name, desc);
            if (call != null && call.family() == Calls.Family.FENCE) {
                add(switch (call.mode()) {
                    case ACQUIRE -> Token.ACQUIRE;
                    case RELEASE -> Token.RELEASE;
                    default -> Token.FULL;
                });
            } else {
                add(Token.OTHER);
            }
        }

        @Override
        public void visitInsn(int opcode) {
            boolean neutral = opcode <= Opcodes.DCONST_1                       // constants
                    || (opcode >= Opcodes.POP && opcode <= Opcodes.SWAP)       // stack shuffles
                    || (opcode >= Opcodes.I2L && opcode <= Opcodes.I2S);       // conversions
            if (!neutral) {
                add(Token.OTHER);
            }
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            if (opcode == Opcodes.NEWARRAY) {
                add(Token.OTHER);
            }
        }

        @Override
        public void visitLdcInsn(Object value) {
            // a constant: neutral
        }

        @Override
        public void visitVarInsn(int opcode, int var) {
            // locals: neutral
        }

        @Override
        public void visitIincInsn(int var, int increment) {
            // a local: neutral
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            if (opcode != Opcodes.CHECKCAST) {
                add(Token.OTHER);
            }
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            targets.add(label);
            add(Token.OTHER);
        }

        @Override
        public void visitLabel(Label label) {
            tokens.add(Token.LABEL);
            labels.add(label);
            fieldIndex.add(-1);
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... ls) {
            targets.add(dflt);
            targets.addAll(List.of(ls));
            add(Token.OTHER);
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] ls) {
            targets.add(dflt);
            targets.addAll(List.of(ls));
            add(Token.OTHER);
        }

        @Override
        public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
            targets.add(handler);
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String desc, Handle bsm, Object... args) {
            add(Token.OTHER);
        }

        @Override
        public void visitMultiANewArrayInsn(String desc, int dims) {
            add(Token.OTHER);
        }

        @Override
        public void visitEnd() {
            BitSet fenced = new BitSet();
            for (int i = 0; i < tokens.size(); i++) {
                Token t = tokens.get(i);
                if (t == Token.LOAD && neighbour(i, 1, Token.ACQUIRE) || t == Token.STORE && neighbour(i, -1,
                        Token.RELEASE)) {
                    fenced.set(fieldIndex.get(i));
                }
            }
            if (!fenced.isEmpty()) {
                out.put(key, fenced);
            }
        }

        /** Whether the first token from {@code i} in direction {@code step} that is not neutral is {@code fence}. */
        private boolean neighbour(int i, int step, Token fence) {
            for (int j = i + step; j >= 0 && j < tokens.size(); j += step) {
                Token t = tokens.get(j);
                if (t == Token.LABEL && !targets.contains(labels.get(j))) {
                    continue;                                   // a line's label, not a place jumps arrive at
                }
                return t == fence || t == Token.FULL;
            }
            return false;
        }
    }
}
