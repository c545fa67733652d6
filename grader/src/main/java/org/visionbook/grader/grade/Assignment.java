package org.visionbook.grader.grade;

import org.visionbook.grader.author.AuthoringException;
import org.visionbook.grader.author.ExerciseGenerator;
import org.visionbook.grader.notebook.NotebookFormatException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What is being graded: one or more solution notebooks. Grade ids must be unique across them,
 * because each becomes a column of the gradebook.
 */
public record Assignment(List<AssignmentNotebook> notebooks) {

    public Assignment {
        notebooks = List.copyOf(notebooks);
    }

    /** Loads a solution notebook, or every notebook in a solutions folder. */
    public static Assignment load(Path solutions) throws IOException, NotebookFormatException, AuthoringException {
        List<Path> files = Files.isDirectory(solutions) ? ExerciseGenerator.notebooksIn(solutions) : List.of(solutions);
        List<AssignmentNotebook> list = new ArrayList<>();
        Map<String, String> owner = new HashMap<>();
        for (Path f : files) {
            AssignmentNotebook nb = AssignmentNotebook.load(f);
            for (AssignmentNotebook.GradedCell g : nb.graded()) {
                String before = owner.putIfAbsent(g.gradeId(), nb.fileName());
                if (before != null) {
                    throw new AuthoringException(f + ": grade_id " + g.gradeId() + " is also used in " + before
                            + "; grade ids name gradebook columns and must be unique across the assignment");
                }
            }
            list.add(nb);
        }
        return new Assignment(list);
    }

    /** The gradebook's question columns: every graded cell's id, in notebook order. */
    public List<String> questions() {
        List<String> q = new ArrayList<>();
        notebooks.forEach(n -> n.graded().forEach(g -> q.add(g.gradeId())));
        return q;
    }

    public double maxPoints() {
        return notebooks.stream().mapToDouble(AssignmentNotebook::maxPoints).sum();
    }
}
