package org.visionbook.grader.notebook;

/**
 * A notebook that is not valid JSON or not valid nbformat 4. The message names the file (or
 * other origin) and, where known, the cell and the line.
 */
public class NotebookFormatException extends Exception {

    public NotebookFormatException(String message) {
        super(message);
    }

    public NotebookFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
