package vn.motcua.appointment.suspension;

/** An urgent exception request: a leader decides once. */
public enum ExceptionStatus {
    REQUESTED, APPROVED, REJECTED;

    public boolean isDecided() {
        return this != REQUESTED;
    }
}
