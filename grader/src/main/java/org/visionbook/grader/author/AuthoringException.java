package org.visionbook.grader.author;

/**
 * A solution notebook that cannot be turned into an exercise: unpaired markers, a solution region
 * where no stub can go, duplicate grade ids. The message names the notebook, the cell and the line.
 */
public class AuthoringException extends Exception {

    public AuthoringException(String message) {
        super(message);
    }

    public AuthoringException(String message, Throwable cause) {
        super(message, cause);
    }
}
