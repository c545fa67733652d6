package org.visionbook.toolkit.pretrained;

import org.visionbook.toolkit.data.DatasetException;

/**
 * A shipped model file is missing, changed, unreadable, or holds a network that does not fit its
 * catalogue entry. The message names the model and the file, and says what to do.
 */
public class PretrainedException extends DatasetException {

    public PretrainedException(String message) {
        super(message);
    }

    public PretrainedException(String message, Throwable cause) {
        super(message, cause);
    }
}
