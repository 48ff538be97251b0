package org.utilitydesk.interfaces.security;

/** Application roles; users get them from the user_role table. */
public final class Roles {

    public static final String AGENT = "AGENT";
    public static final String SUPERVISOR = "SUPERVISOR";
    public static final String ADMIN = "ADMIN";
    public static final String EDITOR = "EDITOR";
    /** A member of a field crew (抢修班): their crew's orders only. */
    public static final String CREW = "CREW";

    private Roles() {
    }
}
