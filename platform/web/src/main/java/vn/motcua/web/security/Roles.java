package vn.motcua.web.security;

/** Role names carried in the JWT {@code groups} claim. */
public final class Roles {
    public static final String CITIZEN = "citizen";
    public static final String OFFICER = "officer";
    /** Approves exceptions (urgent bookings during a suspension, large refunds, reopening closed dossiers). */
    public static final String LEADER = "leader";
    public static final String ADMIN = "admin";
    /** Machine client: the national public-service portal. */
    public static final String PORTAL = "portal";
    /** Machine client: the postal operator. */
    public static final String POSTAL_OPERATOR = "postal-operator";

    private Roles() {
    }
}
