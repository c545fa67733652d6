package org.visionbook.kernel.engine;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Redirects {@code System.exit(int)} in the classes JShell compiles from cells to
 * {@link CellExit#exit(int)}, which throws instead of ending the JVM.
 *
 * <p>It only edits the class file's constant pool: every method reference
 * {@code java/lang/System.exit:(I)V} gets a new owner class, {@code CellExit}, appended to the pool.
 * No instruction changes, so the rest of the class is untouched, and method references
 * ({@code System::exit}) are covered too. (A security manager would also catch library code, but
 * Java prints a deprecation warning for it and newer releases drop it.)
 */
final class ExitRewriter {

    private static final String SYSTEM = "java/lang/System";
    private static final String EXIT = "exit";
    private static final String INT_TO_VOID = "(I)V";
    private static final String REPLACEMENT = CellExit.class.getName().replace('.', '/');

    private ExitRewriter() {
    }

    /** The class file with its {@code System.exit} calls redirected (the input itself if there are none). */
    static byte[] rewrite(byte[] classFile) {
        try {
            byte[] rewritten = rewriteOrNull(classFile);
            return rewritten == null ? classFile : rewritten;
        } catch (RuntimeException malformed) {
            return classFile;
        }
    }

    private static byte[] rewriteOrNull(byte[] classFile) {
        ByteBuffer in = ByteBuffer.wrap(classFile);
        if (in.getInt() != 0xCAFEBABE) {
            return null;
        }
        in.getShort();
        in.getShort();
        int count = in.getShort() & 0xFFFF;
        int poolStart = in.position();
        Map<Integer, String> utf8 = new HashMap<>();
        Map<Integer, Integer> classNames = new HashMap<>();
        Map<Integer, int[]> nameAndTypes = new HashMap<>();
        List<int[]> methodRefs = new ArrayList<>(); // {index, position of class_index, class, nat}
        for (int i = 1; i < count; i++) {
            int tag = in.get() & 0xFF;
            switch (tag) {
                case 1 -> {
                    int len = in.getShort() & 0xFFFF;
                    byte[] b = new byte[len];
                    in.get(b);
                    utf8.put(i, new String(b, StandardCharsets.UTF_8));
                }
                case 7 -> classNames.put(i, in.getShort() & 0xFFFF);
                case 10 -> {
                    int pos = in.position();
                    int cls = in.getShort() & 0xFFFF;
                    int nat = in.getShort() & 0xFFFF;
                    methodRefs.add(new int[] {i, pos, cls, nat});
                }
                case 12 -> nameAndTypes.put(i, new int[] {in.getShort() & 0xFFFF, in.getShort() & 0xFFFF});
                case 3, 4, 9, 11, 17, 18 -> in.position(in.position() + 4);
                case 5, 6 -> {
                    in.position(in.position() + 8);
                    i++;
                }
                case 8, 16, 19, 20 -> in.position(in.position() + 2);
                case 15 -> in.position(in.position() + 3);
                default -> throw new IllegalArgumentException("unknown constant pool tag " + tag);
            }
        }
        int poolEnd = in.position();
        List<Integer> toPatch = new ArrayList<>();
        for (int[] ref : methodRefs) {
            Integer nameIndex = classNames.get(ref[2]);
            int[] nat = nameAndTypes.get(ref[3]);
            if (nameIndex != null && nat != null && SYSTEM.equals(utf8.get(nameIndex))
                    && EXIT.equals(utf8.get(nat[0])) && INT_TO_VOID.equals(utf8.get(nat[1]))) {
                toPatch.add(ref[1]);
            }
        }
        if (toPatch.isEmpty()) {
            return null;
        }
        int newUtf8 = count;
        int newClass = count + 1;
        byte[] patched = classFile.clone();
        for (int pos : toPatch) {
            patched[pos] = (byte) (newClass >> 8);
            patched[pos + 1] = (byte) newClass;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(classFile.length + 64);
        try (DataOutputStream data = new DataOutputStream(out)) {
            data.write(patched, 0, 8);
            data.writeShort(count + 2);
            data.write(patched, poolStart, poolEnd - poolStart);
            data.writeByte(1);
            data.writeUTF(REPLACEMENT);
            data.writeByte(7);
            data.writeShort(newUtf8);
            data.write(patched, poolEnd, patched.length - poolEnd);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
