package org.visionbook.kernel;

import org.visionbook.kernel.install.InstallCommand;
import org.visionbook.kernel.jupyter.KernelServer;
import org.visionbook.kernel.runner.RunCommand;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point of the kernel module (the {@code visionbook} launcher calls it):
 * {@code kernel CONNECTION_FILE} (started by Jupyter), {@code run ...} (headless runner),
 * {@code install-kernel ...} (kernelspec).
 */
public final class Main {

    private static final String USAGE = """
            usage: visionbook-kernel COMMAND ...
              kernel CONNECTION_FILE   serve Jupyter (Jupyter starts this through kernel.json)
              run FILE.ipynb... ...    execute notebooks headless (see: run --help)
              install-kernel ...       write the kernelspec (see: install-kernel --help)""";

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(Arrays.asList(args)));
    }

    static int run(List<String> args) throws Exception {
        if (args.isEmpty()) {
            System.err.println(USAGE);
            return 2;
        }
        List<String> rest = args.subList(1, args.size());
        switch (args.get(0)) {
            case "kernel" -> {
                if (rest.size() != 1) {
                    System.err.println("usage: kernel CONNECTION_FILE");
                    return 2;
                }
                KernelServer.serve(Path.of(rest.get(0)));
                return 0;
            }
            case "run" -> {
                if (rest.contains("--help") || rest.contains("-h")) {
                    System.out.println(RunCommand.USAGE);
                    return 0;
                }
                return RunCommand.main(rest, System.out, System.err);
            }
            case "install-kernel" -> {
                return InstallCommand.main(rest, System.out, System.err);
            }
            case "-h", "--help", "help" -> {
                System.out.println(USAGE);
                return 0;
            }
            default -> {
                System.err.println("unknown command " + args.get(0));
                System.err.println(USAGE);
                return 2;
            }
        }
    }
}
