package org.visionbook.kernel.maven;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MavenResolverTest {

    /** Puts group:artifact:version (a pom with the given dependency, and an empty jar) in a local repository. */
    static void install(Path repo, String group, String artifact, String version, String dependency) throws Exception {
        Path dir = repo.resolve(group.replace('.', '/')).resolve(artifact).resolve(version);
        Files.createDirectories(dir);
        String deps = dependency == null ? "" : "<dependencies><dependency><groupId>" + dependency.split(":")[0]
                + "</groupId><artifactId>" + dependency.split(":")[1] + "</artifactId><version>" + dependency.split(":")[2]
                + "</version></dependency></dependencies>";
        Files.writeString(dir.resolve(artifact + "-" + version + ".pom"), "<project><modelVersion>4.0.0</modelVersion><groupId>"
                + group + "</groupId><artifactId>" + artifact + "</artifactId><version>" + version + "</version>" + deps + "</project>");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(dir.resolve(artifact + "-" + version + ".jar")))) {
            jar.flush();
        }
    }

    @Test
    void resolvesAnArtifactWithItsDependenciesFromTheLocalRepository(@TempDir Path repo) throws Exception {
        install(repo, "org.example", "app", "1.0", "org.example:lib:2.0");
        install(repo, "org.example", "lib", "2.0", null);
        List<MavenResolver.Resolved> resolved = new MavenResolver(true, repo).resolve(List.of("org.example:app:1.0"));
        assertEquals(List.of("org.example:app:1.0", "org.example:lib:2.0"), resolved.stream().map(MavenResolver.Resolved::coordinates).toList());
        assertTrue(resolved.stream().allMatch(r -> Files.isRegularFile(r.jar())));
    }

    @Test
    void offlineAndMissingSaysSoAndNamesTheArtifact(@TempDir Path repo) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MavenResolver(true, repo).resolve(List.of("org.example:absent:1.0")));
        assertTrue(e.getMessage().contains("org.example:absent:1.0") && e.getMessage().contains("offline"), e.getMessage());
    }
}
