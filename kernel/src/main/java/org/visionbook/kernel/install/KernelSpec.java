package org.visionbook.kernel.install;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@code kernel.json} says: how Jupyter starts the kernel. The memory knobs matter on small
 * machines (Binder gives 2 GB): the JVM heap ({@code -Xmx}), and ND4J's off-heap arrays, which
 * JavaCPP caps with {@code org.bytedeco.javacpp.maxbytes} (arrays) and {@code maxphysicalbytes}
 * (the whole process, heap included).
 *
 * @param name        kernelspec name (folder name); notebooks refer to it
 * @param displayName what Jupyter's kernel menu shows
 * @param java        the {@code java} executable
 * @param classpath   the kernel's class path (entries may be {@code dir/*} wildcards)
 * @param heap        {@code -Xmx}, e.g. {@code 768m}
 * @param offHeap     {@code -Dorg.bytedeco.javacpp.maxbytes}, e.g. {@code 768m}
 * @param physical    {@code -Dorg.bytedeco.javacpp.maxphysicalbytes}, e.g. {@code 1800m}
 * @param jvmOptions  further JVM options, appended as given
 */
public record KernelSpec(String name, String displayName, Path java, String classpath, String heap,
                         String offHeap, String physical, List<String> jvmOptions) {

    public static final String DEFAULT_HEAP = "768m";
    public static final String DEFAULT_OFF_HEAP = "768m";
    public static final String DEFAULT_PHYSICAL = "1800m";
    public static final String MAIN_CLASS = "org.visionbook.kernel.Main";

    public KernelSpec {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("a kernelspec name may only hold letters, digits, '.', '_' and '-': '" + name + "'");
        }
        Objects.requireNonNull(java, "java");
        Objects.requireNonNull(classpath, "classpath");
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** The spec for this JVM and class path, with the default memory settings. */
    public static KernelSpec defaults(String classpath) {
        return new KernelSpec("java", "Java (visionbook)", currentJava(), classpath,
                DEFAULT_HEAP, DEFAULT_OFF_HEAP, DEFAULT_PHYSICAL, List.of());
    }

    static Path currentJava() {
        boolean windows = System.getProperty("os.name", "").toLowerCase().contains("win");
        return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
    }

    /** The JVM options for the kernel (and for the headless runner, which should behave the same). */
    public List<String> jvmArguments() {
        List<String> args = new ArrayList<>();
        args.add("-Xmx" + heap);
        args.add("-XX:+UseSerialGC");
        // C1 only: cells compile quickly and most training time is native code; the C2 compiler
        // threads cost about as much CPU as they save (bench/README.md, "JVM flags")
        args.add("-XX:TieredStopAtLevel=1");
        args.add("-Dorg.bytedeco.javacpp.maxbytes=" + offHeap);
        args.add("-Dorg.bytedeco.javacpp.maxphysicalbytes=" + physical);
        args.add("-Djava.awt.headless=true");
        args.add("-Dfile.encoding=UTF-8");
        args.addAll(jvmOptions);
        return args;
    }

    /** The command line Jupyter runs ({@code {connection_file}} is filled in by Jupyter). */
    public List<String> argv() {
        List<String> argv = new ArrayList<>();
        argv.add(java.toString());
        argv.addAll(jvmArguments());
        argv.add("-cp");
        argv.add(classpath);
        argv.add(MAIN_CLASS);
        argv.add("kernel");
        argv.add("{connection_file}");
        return argv;
    }

    public String toJson() {
        JsonObject spec = new JsonObject();
        JsonArray argv = new JsonArray();
        argv().forEach(argv::add);
        spec.add("argv", argv);
        spec.addProperty("display_name", displayName);
        spec.addProperty("language", "java");
        // Interrupts arrive as messages: a signal (SIGINT) would end the JVM.
        spec.addProperty("interrupt_mode", "message");
        spec.add("env", new JsonObject());
        JsonObject metadata = new JsonObject();
        metadata.addProperty("debugger", false);
        spec.add("metadata", metadata);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(spec) + "\n";
    }
}
