package org.visionbook.grader.grade;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One student's hand-in: a single {@code .ipynb} named after the student (for a one-notebook
 * assignment), or a folder named after the student holding notebooks named as the solutions.
 *
 * @param notebooks the student's file for each assignment notebook, by the solution's file name;
 *                  a notebook the student did not hand in is absent
 * @param problem   why nothing can be graded (for example one file for a several-notebook
 *                  assignment), or empty
 */
public record Submission(String student, Map<String, Path> notebooks, String problem) {

    public Submission {
        notebooks = Map.copyOf(notebooks);
    }

    /** Finds every submission in {@code dir}, sorted by student; hidden entries are skipped. */
    public static List<Submission> discover(Path dir, Assignment assignment) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": no such directory");
        }
        List<String> expected = assignment.notebooks().stream().map(AssignmentNotebook::fileName).toList();
        List<Submission> found = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<Path> entries;
        try (Stream<Path> s = Files.list(dir)) {
            entries = s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
        for (Path p : entries) {
            String file = p.getFileName().toString();
            Submission sub;
            if (Files.isRegularFile(p) && file.endsWith(".ipynb")) {
                String student = file.substring(0, file.length() - ".ipynb".length());
                sub = expected.size() == 1
                        ? new Submission(student, Map.of(expected.get(0), p), "")
                        : new Submission(student, Map.of(), "one notebook was handed in, but the assignment has "
                        + expected.size() + " (" + String.join(", ", expected) + "); hand in a folder");
            } else if (Files.isDirectory(p)) {
                Map<String, Path> mine = new LinkedHashMap<>();
                for (String name : expected) {
                    Path f = p.resolve(name);
                    if (Files.isRegularFile(f)) {
                        mine.put(name, f);
                    }
                }
                if (mine.isEmpty() && expected.size() == 1) {
                    List<Path> any;
                    try (Stream<Path> s = Files.list(p)) {
                        any = s.filter(f -> f.getFileName().toString().endsWith(".ipynb")).sorted().toList();
                    }
                    if (any.size() == 1) {
                        mine.put(expected.get(0), any.get(0));
                    }
                }
                sub = new Submission(file, mine, "");
            } else {
                continue;
            }
            if (!names.add(sub.student())) {
                sub = new Submission(sub.student(), Map.of(), "two hand-ins are named " + sub.student());
            }
            found.add(sub);
        }
        return found;
    }

    /** The student's name made safe for a file name. */
    public String safeName() {
        String s = student.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.isEmpty() || s.startsWith(".") ? "_" + s : s;
    }
}
