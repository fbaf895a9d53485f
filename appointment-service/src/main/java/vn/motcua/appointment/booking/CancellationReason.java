package vn.motcua.appointment.booking;

/**
 * Why a booking was cancelled, as a stable code next to the Vietnamese text shown to the citizen: clients and
 * statistics branch on the code, never on the wording. Stored by name; add values, never rename them.
 */
public enum CancellationReason {
    /** The citizen cancelled their own booking. */
    CANCELLED_BY_CITIZEN,
    /** An officer of the service point (or an administrator) cancelled it. */
    CANCELLED_BY_STAFF,
    /** An intake suspension covers the slot. */
    INTAKE_SUSPENDED,
    /** The linked dossier was refused (not received, portal status 3): the visit is no longer needed. */
    DOSSIER_REFUSED,
    /** The linked dossier was withdrawn at the applicant's request. */
    DOSSIER_WITHDRAWN,
    /** Processing of the linked dossier was stopped. */
    DOSSIER_STOPPED
}
