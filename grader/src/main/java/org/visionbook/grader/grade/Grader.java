package org.visionbook.grader.grade;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.visionbook.toolkit.io.AtomicFiles;
import org.visionbook.grader.notebook.Notebook;
import org.visionbook.grader.notebook.NotebookFormatException;
import org.visionbook.grader.run.ExecutionLimits;
import org.visionbook.grader.run.NotebookExecutor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Grades a class: every submission in a folder, {@code jobs} at a time, each notebook in its own
 * JVM. Writes {@code gradebook.csv} and {@code feedback/STUDENT.html} under the output folder. A
 * broken submission gets a row with its reason and never stops the batch. A re-run grades only
 * submissions whose files, solutions or limits changed (the cache lives in {@code .grader-cache}).
 */
public final class Grader {

    /** Bump when scoring changes, so cached results are not reused across versions. */
    static final String CACHE_VERSION = "visionbook-grader-1";
    public static final String GRADEBOOK = "gradebook.csv";
    public static final String FEEDBACK = "feedback";
    static final String CACHE = ".grader-cache";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Assignment assignment;
    private final NotebookExecutor executor;
    private final NotebookGrader notebookGrader;
    private final int jobs;

    public Grader(Assignment assignment, NotebookExecutor executor, ExecutionLimits limits, int jobs) {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, got " + jobs);
        }
        this.assignment = Objects.requireNonNull(assignment, "assignment");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.notebookGrader = new NotebookGrader(executor, limits);
        this.jobs = jobs;
    }

    /** What a batch did. */
    public record Report(List<StudentResult> students, int graded, int reused, Path gradebook, Duration elapsed) {
    }

    public Report grade(Path submissions, Path out) throws GradingSetupException, IOException, InterruptedException {
        long start = System.nanoTime();
        List<Submission> found = Submission.discover(submissions, assignment);
        Files.createDirectories(out.resolve(FEEDBACK));
        Path cache = Files.createDirectories(out.resolve(CACHE));
        Map<String, Map<String, Double>> reference = referenceWeights(cache);

        ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "grader-job");
            t.setDaemon(true);
            return t;
        });
        List<Future<Outcome>> futures = new ArrayList<>();
        Set<String> fileNames = new HashSet<>();
        try {
            for (Submission s : found) {
                String name = s.safeName();
                for (int k = 2; !fileNames.add(name); k++) {
                    name = s.safeName() + "-" + k;
                }
                String fileName = name;
                futures.add(pool.submit(() -> gradeOne(s, fileName, out, cache, reference)));
            }
            List<StudentResult> results = new ArrayList<>();
            int reused = 0;
            for (Future<Outcome> f : futures) {
                try {
                    Outcome o = f.get();
                    results.add(o.result());
                    reused += o.reused() ? 1 : 0;
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a grading job failed unexpectedly", e.getCause());
                }
            }
            Path gradebook = out.resolve(GRADEBOOK);
            Gradebook.write(Gradebook.table(assignment, results), gradebook);
            return new Report(results, results.size() - reused, reused, gradebook, Duration.ofNanos(System.nanoTime() - start));
        } finally {
            pool.shutdownNow();
        }
    }

    private record Outcome(StudentResult result, boolean reused) {
    }

    private record CacheEntry(String key, StudentResult result) {
    }

    private Outcome gradeOne(Submission s, String fileName, Path out, Path cache, Map<String, Map<String, Double>> reference)
            throws InterruptedException {
        Path feedback = out.resolve(FEEDBACK).resolve(fileName + ".html");
        Path entry = cache.resolve("students").resolve(fileName + ".json");
        String key;
        try {
            key = cacheKey(s);
        } catch (IOException e) {
            key = null;
        }
        try {
            if (key != null && Files.exists(entry) && Files.exists(feedback)) {
                CacheEntry cached = JSON.readValue(entry.toFile(), CacheEntry.class);
                if (key.equals(cached.key()) && cached.result().student().equals(s.student())) {
                    return new Outcome(cached.result(), true);
                }
            }
        } catch (IOException ignored) {
            // an unreadable cache entry: grade again
        }
        StudentResult result;
        List<String> sections = new ArrayList<>();
        try {
            result = gradeSubmission(s, reference, sections);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            // never let one submission stop the batch
            NotebookResult broken = new NotebookResult(s.student(), Status.ERROR,
                    "the grader failed on this submission: " + e, List.of(), List.of());
            result = new StudentResult(s.student(), Status.ERROR, List.of(broken));
            sections = List.of(FeedbackPage.section(broken, null, null));
        }
        try {
            AtomicFiles.writeString(feedback, FeedbackPage.page(result, assignment.maxPoints(), sections));
            if (key != null && result.status() != Status.ERROR) {
                Files.createDirectories(entry.getParent());
                AtomicFiles.write(entry, JSON.writeValueAsBytes(new CacheEntry(key, result)));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the feedback for " + s.student() + ": " + e.getMessage(), e);
        }
        return new Outcome(result, false);
    }

    private StudentResult gradeSubmission(Submission s, Map<String, Map<String, Double>> reference, List<String> sections)
            throws IOException, InterruptedException {
        List<NotebookResult> results = new ArrayList<>();
        Status status = Status.GRADED;
        for (AssignmentNotebook an : assignment.notebooks()) {
            NotebookGrader.Graded g;
            Path file = s.notebooks().get(an.fileName());
            if (!s.problem().isEmpty()) {
                g = NotebookGrader.invalid(an, an.fileName(), Status.INVALID, s.problem(), null);
            } else if (file == null) {
                g = NotebookGrader.invalid(an, an.fileName(), Status.INVALID, an.fileName() + " was not handed in", null);
            } else {
                SubmissionValidator.Validation v = SubmissionValidator.validate(file, an);
                if (v instanceof SubmissionValidator.Invalid invalid) {
                    g = NotebookGrader.invalid(an, an.fileName(), Status.INVALID, invalid.reason(), readQuietly(file));
                } else {
                    Notebook valid = ((SubmissionValidator.Valid) v).notebook();
                    g = notebookGrader.grade(an, valid, reference.get(an.fileName()));
                }
            }
            results.add(g.result());
            sections.add(g.feedbackHtml());
            status = status.worse(g.result().status());
        }
        return new StudentResult(s.student(), status, results);
    }

    private String cacheKey(Submission s) throws IOException {
        MessageDigest d = sha256();
        update(d, CACHE_VERSION);
        update(d, notebookGrader.limits().describe());
        update(d, executor.describe());
        update(d, s.student());
        update(d, s.problem());
        for (AssignmentNotebook an : assignment.notebooks()) {
            update(d, an.fileName());
            d.update(an.solutionBytes());
            Path f = s.notebooks().get(an.fileName());
            update(d, f == null ? "(none)" : "(file)");
            if (f != null) {
                d.update(Files.readAllBytes(f));
            }
        }
        return HexFormat.of().formatHex(d.digest());
    }

    /** Runs each solution once (or reads the cached result) for the denominators of partial credit. */
    private Map<String, Map<String, Double>> referenceWeights(Path cache)
            throws GradingSetupException, IOException, InterruptedException {
        Map<String, Map<String, Double>> all = new HashMap<>();
        for (AssignmentNotebook an : assignment.notebooks()) {
            MessageDigest d = sha256();
            update(d, CACHE_VERSION);
            update(d, notebookGrader.limits().describe());
            update(d, executor.describe());
            d.update(an.solutionBytes());
            String key = HexFormat.of().formatHex(d.digest());
            Path entry = cache.resolve("reference").resolve(key + ".json");
            Map<String, Double> weights = null;
            if (Files.exists(entry)) {
                try {
                    weights = JSON.readValue(entry.toFile(), new TypeReference<Map<String, Double>>() { });
                } catch (IOException ignored) {
                    // recompute
                }
            }
            if (weights == null) {
                weights = notebookGrader.referenceWeights(an);
                Files.createDirectories(entry.getParent());
                AtomicFiles.write(entry, JSON.writeValueAsBytes(weights));
            }
            all.put(an.fileName(), weights);
        }
        return all;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest d, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        d.update(Integer.toString(b.length).getBytes(StandardCharsets.US_ASCII));
        d.update((byte) ':');
        d.update(b);
    }

    /** Reads a notebook file for feedback, or null if it is not readable. */
    static Notebook readQuietly(Path file) {
        try {
            return Notebook.read(file);
        } catch (IOException | NotebookFormatException e) {
            return null;
        }
    }
}
