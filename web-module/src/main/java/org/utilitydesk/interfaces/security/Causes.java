package org.utilitydesk.interfaces.security;

import java.util.ArrayList;
import java.util.List;

/** A thrown exception and what caused it, outermost first: the refusals look for theirs along the chain. */
public final class Causes {

    private Causes() {
    }

    public static List<Throwable> of(Throwable thrown) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = thrown; cause != null && !chain.contains(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }
}
