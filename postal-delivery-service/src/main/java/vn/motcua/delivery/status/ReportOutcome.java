package vn.motcua.delivery.status;

/** What became of one operator status report. */
public enum ReportOutcome {
    /** The order moved to the reported status (or recorded another step of it, e.g. a second post office). */
    APPLIED,
    /** We had this report id from this operator already (over either path): nothing changed. */
    DUPLICATE,
    /** Older than what the order already shows: kept in the timeline, the status did not change. */
    OUT_OF_ORDER,
    /** The order had already reached a terminal status: kept in the timeline, the status did not change. */
    IGNORED_TERMINAL,
    /** Not accepted; the error code says why. The operator may send a corrected report with the same id. */
    REJECTED;

    public boolean accepted() {
        return this != REJECTED;
    }
}
