package vn.motcua.contracts.common;

/**
 * The citizen or business a dossier, booking, payment or delivery belongs to, with the contact details
 * notification-service needs (events carry them so that consumers never call back).
 *
 * @param id       the identity-provider subject
 * @param language {@code vi} (default) or {@code en}
 */
public record Applicant(String id, String fullName, String email, String phone, String language) {
}
