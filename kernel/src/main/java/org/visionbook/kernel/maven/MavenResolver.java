package org.visionbook.kernel.maven;

import eu.maveniverse.maven.mima.context.Context;
import eu.maveniverse.maven.mima.context.ContextOverrides;
import eu.maveniverse.maven.mima.context.Runtimes;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.resolution.DependencyResult;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Resolves Maven coordinates ({@code group:artifact:version}) with their runtime dependencies, the
 * way Maven itself would: the user's {@code ~/.m2/settings.xml} (mirrors, proxies, offline mode),
 * the local repository {@code ~/.m2/repository}, and Maven Central. Built on MIMA (Maven Resolver
 * configured outside of Maven).
 */
public final class MavenResolver {

    /** {@code -Dvisionbook.maven.offline=true} (or VISIONBOOK_MAVEN_OFFLINE=true): use ~/.m2 only. */
    public static final String OFFLINE_PROPERTY = "visionbook.maven.offline";

    private final boolean offline;
    private final Path localRepository;

    /** A resolver using the user's local repository ({@code ~/.m2/repository} or as settings.xml says). */
    public MavenResolver(boolean offline) {
        this(offline, null);
    }

    /** A resolver using {@code localRepository} instead (null: the user's). */
    public MavenResolver(boolean offline, Path localRepository) {
        this.offline = offline;
        this.localRepository = localRepository;
    }

    /** A resolver that is offline when the property or environment variable says so. */
    public static MavenResolver fromEnvironment() {
        String v = System.getProperty(OFFLINE_PROPERTY, System.getenv("VISIONBOOK_MAVEN_OFFLINE"));
        return new MavenResolver(Boolean.parseBoolean(v));
    }

    /** A resolved artifact: coordinates and the jar in the local repository. */
    public record Resolved(String groupId, String artifactId, String version, Path jar) {
        public String coordinates() {
            return groupId + ":" + artifactId + ":" + version;
        }
    }

    /**
     * Resolves {@code coordinates} and everything they need at run time.
     *
     * @throws IllegalArgumentException with a message saying what could not be found and why
     */
    public List<Resolved> resolve(List<String> coordinates) {
        if (coordinates.isEmpty()) {
            throw new IllegalArgumentException("give coordinates, e.g. %maven org.apache.commons:commons-math3:3.6.1");
        }
        ContextOverrides.Builder builder = ContextOverrides.create();
        if (localRepository != null) {
            builder.withLocalRepositoryOverride(localRepository);
        }
        ContextOverrides overrides = builder
                .withUserSettings(true)
                .offline(offline)
                .configProperties(Map.of(
                        "aether.connector.connectTimeout", "10000",
                        "aether.connector.requestTimeout", "60000"))
                .build();
        try (Context context = Runtimes.INSTANCE.getRuntime().create(overrides)) {
            CollectRequest collect = new CollectRequest();
            for (String c : coordinates) {
                collect.addDependency(new Dependency(parse(c), JavaScopes.RUNTIME));
            }
            collect.setRepositories(context.remoteRepositories());
            DependencyRequest request = new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
            DependencyResult result = context.repositorySystem().resolveDependencies(context.repositorySystemSession(), request);
            List<Resolved> resolved = new ArrayList<>();
            for (ArtifactResult r : result.getArtifactResults()) {
                Artifact a = r.getArtifact();
                if (a != null && a.getFile() != null) {
                    resolved.add(new Resolved(a.getGroupId(), a.getArtifactId(), a.getVersion(), a.getFile().toPath()));
                }
            }
            return resolved;
        } catch (DependencyResolutionException e) {
            throw new IllegalArgumentException(explain(coordinates, e), e);
        }
    }

    private static Artifact parse(String coordinates) {
        try {
            return new DefaultArtifact(coordinates);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + coordinates + "' is not Maven coordinates; write group:artifact:version,"
                    + " e.g. org.apache.commons:commons-math3:3.6.1", e);
        }
    }

    private String explain(List<String> coordinates, DependencyResolutionException e) {
        String what = String.join(", ", coordinates);
        if (offline) {
            return "could not resolve " + what + " offline: it is not (completely) in the local repository ~/.m2."
                    + " Run once with network access, or put the jars somewhere and use %jars. (" + rootMessage(e) + ")";
        }
        if (isNetworkProblem(e)) {
            return "could not resolve " + what + ": no network connection to the Maven repository, and it is not in ~/.m2."
                    + " Run once with network access, or put the jars somewhere and use %jars. (" + rootMessage(e) + ")";
        }
        return "could not resolve " + what + ": " + rootMessage(e);
    }

    private static boolean isNetworkProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException || t instanceof ConnectException
                    || t instanceof NoRouteToHostException || t instanceof SocketTimeoutException) {
                return true;
            }
            for (Throwable s : t.getSuppressed()) {
                if (isNetworkProblem(s)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
