package vn.motcua.delivery.order;

public enum FeePaidBy {
    /** Paid online through payment-service with the dossier fee: the operator collects nothing for postage. */
    PREPAID,
    /** The receiver pays in cash on delivery (results sent to the applicant). */
    RECEIVER,
    /** The sender pays in cash at pickup (documents collected from the applicant). */
    SENDER
}
