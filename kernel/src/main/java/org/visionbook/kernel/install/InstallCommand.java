package org.visionbook.kernel.install;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code visionbook install-kernel [--user | --prefix DIR | --sys-prefix] [--name NAME]
 * [--display-name TEXT] [--heap SIZE] [--offheap SIZE] [--physical SIZE] [--jvm-opt OPTION]...}
 */
public final class InstallCommand {

    /** The class path kernel.json should use; the launcher passes it unexpanded ({@code lib/*}). */
    public static final String CLASSPATH_PROPERTY = "visionbook.classpath";

    static final String USAGE = """
            usage: visionbook install-kernel [--user | --prefix DIR | --sys-prefix] [options]
              --user              the user's Jupyter data folder (default)
              --prefix DIR        DIR/share/jupyter/kernels (a virtualenv, a conda env, /usr/local)
              --sys-prefix        the prefix of the Python found as python3 (or $VISIONBOOK_PYTHON)
              --name NAME         kernelspec name (default: java)
              --display-name TEXT name in Jupyter's kernel menu (default: Java (visionbook))
              --heap SIZE         JVM heap, -Xmx (default: %s)
              --offheap SIZE      ND4J array memory, org.bytedeco.javacpp.maxbytes (default: %s)
              --physical SIZE     whole-process limit, org.bytedeco.javacpp.maxphysicalbytes (default: %s)
              --jvm-opt OPTION    another JVM option (repeatable)""".formatted(
            KernelSpec.DEFAULT_HEAP, KernelSpec.DEFAULT_OFF_HEAP, KernelSpec.DEFAULT_PHYSICAL);

    private InstallCommand() {
    }

    public static int main(List<String> args, PrintStream out, PrintStream err) {
        String classpath = System.getProperty(CLASSPATH_PROPERTY, System.getProperty("java.class.path"));
        KernelSpec spec = KernelSpec.defaults(classpath);
        String where = "--user";
        Path prefix = null;
        String name = spec.name();
        String displayName = spec.displayName();
        String heap = spec.heap();
        String offHeap = spec.offHeap();
        String physical = spec.physical();
        List<String> jvmOptions = new ArrayList<>();
        try {
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                switch (arg) {
                    case "--user", "--sys-prefix" -> where = arg;
                    case "--prefix" -> {
                        where = arg;
                        prefix = Path.of(value(args, ++i, arg));
                    }
                    case "--name" -> name = value(args, ++i, arg);
                    case "--display-name" -> displayName = value(args, ++i, arg);
                    case "--heap" -> heap = size(value(args, ++i, arg), arg);
                    case "--offheap" -> offHeap = size(value(args, ++i, arg), arg);
                    case "--physical" -> physical = size(value(args, ++i, arg), arg);
                    case "--jvm-opt" -> jvmOptions.add(value(args, ++i, arg));
                    case "-h", "--help" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            KernelSpec chosen = new KernelSpec(name, displayName, spec.java(), classpath, heap, offHeap, physical, jvmOptions);
            Path kernels = switch (where) {
                case "--prefix" -> KernelspecInstaller.prefixKernelsDir(prefix);
                case "--sys-prefix" -> KernelspecInstaller.sysPrefixKernelsDir(
                        System.getenv().getOrDefault("VISIONBOOK_PYTHON", "python3"));
                default -> KernelspecInstaller.userKernelsDir();
            };
            Path dir = KernelspecInstaller.install(chosen, kernels);
            out.println("Installed the Java kernel '" + name + "' in " + dir);
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("visionbook install-kernel: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (IOException e) {
            err.println("visionbook install-kernel: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    private static String size(String v, String option) {
        if (!v.matches("\\d+[kKmMgG]?")) {
            throw new IllegalArgumentException(option + " wants a size such as 768m or 2g, got '" + v + "'");
        }
        return v;
    }
}
