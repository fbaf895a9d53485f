package vn.motcua.delivery.order;

public enum DeliveryKind {
    /** The agency's result goes to the applicant. */
    RESULT_RETURN,
    /** The applicant's paper documents go to the agency (dossier submitted by post). */
    DOCUMENT_PICKUP
}
