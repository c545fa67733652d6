package org.visionbook.kernel.engine;

import org.visionbook.toolkit.display.Display;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds the toolkit's packages ({@code org.visionbook.toolkit.*}) in its jar or class folder, so a
 * notebook can use every toolkit class without imports, including packages added after this
 * kernel was written.
 */
final class ToolkitPackages {

    private static final String ROOT = "org/visionbook/toolkit/";

    private ToolkitPackages() {
    }

    static List<String> find() {
        CodeSource source = Display.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            return List.of();
        }
        try {
            Path location = Path.of(source.getLocation().toURI());
            Set<String> packages = new TreeSet<>();
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location.resolve(ROOT))) {
                    files.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().contains("$"))
                            .forEach(f -> packages.add(packageOf(location.relativize(f).toString().replace('\\', '/'))));
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    Enumeration<JarEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        String name = entries.nextElement().getName();
                        if (name.startsWith(ROOT) && name.endsWith(".class") && !name.contains("$")) {
                            packages.add(packageOf(name));
                        }
                    }
                }
            }
            return List.copyOf(packages);
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            return List.of("org.visionbook.toolkit.display");
        }
    }

    private static String packageOf(String classFile) {
        return classFile.substring(0, classFile.lastIndexOf('/')).replace('/', '.');
    }
}
