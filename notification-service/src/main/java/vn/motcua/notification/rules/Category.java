package vn.motcua.notification.rules;

/** What a notice is about; a citizen chooses channels per category. */
public enum Category {
    DOSSIER, PAYMENT, APPOINTMENT, DELIVERY,
    /** Work notices to officers and agency mailboxes; not subject to citizen preferences. */
    AGENCY
}
