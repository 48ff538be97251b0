package org.utilitydesk.application;

import jakarta.ejb.ApplicationException;

/**
 * A request key that already stands for another request: the same key with a different body. Answering with the
 * earlier result would tell the channel its new request was done when it was not, so it is refused (the API answers
 * 409) and nothing is stored. Reaches the caller unwrapped and rolls the transaction back.
 */
@ApplicationException(rollback = true)
public class RequestKeyReusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String requestKey;

    public RequestKeyReusedException(String requestKey) {
        super("request key " + requestKey + " was already used for a different request");
        this.requestKey = requestKey;
    }

    public String requestKey() {
        return requestKey;
    }
}
