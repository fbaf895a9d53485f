package vn.motcua.notification.portal;

/** The national public-service portal's dossier sync API, behind an adapter. */
public interface NationalPortal {

    enum Outcome {
        /** Accepted (error_code "0"). */
        OK,
        /** Create refused because the portal has the dossier: switch to update. */
        ALREADY_EXISTS,
        /** Update refused because the portal does not know the dossier: switch to create. */
        NOT_FOUND,
        /** Any other answer: retried with backoff, the code recorded. */
        FAILED
    }

    record Answer(Outcome outcome, Integer httpStatus, String errorCode, String message) {
    }

    /**
     * @param revisionKey the same for every re-send of one revision (the id of the event behind it), so a portal
     *                    that keeps it can drop a repeat of a push it already accepted
     */
    Answer create(String document, String revisionKey);

    Answer update(String dossierCode, String document, String revisionKey);
}
