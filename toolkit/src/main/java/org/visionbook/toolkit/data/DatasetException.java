package org.visionbook.toolkit.data;

/**
 * A dataset file is missing, damaged or not what it claims to be. The message names the file
 * and says what to do about it.
 */
public class DatasetException extends RuntimeException {

    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
