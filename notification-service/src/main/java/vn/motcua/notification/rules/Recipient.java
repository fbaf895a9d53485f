package vn.motcua.notification.rules;

import vn.motcua.contracts.common.Applicant;

/**
 * Who receives a notice.
 *
 * @param id       the identity-provider subject, or {@code mailbox:<agency code>} for an agency mailbox
 * @param language {@code vi} or {@code en}
 */
public record Recipient(Kind kind, String id, String name, String email, String phone, String language) {

    public enum Kind { CITIZEN, OFFICER, AGENCY_MAILBOX }

    public static Recipient citizen(Applicant applicant) {
        return new Recipient(Kind.CITIZEN, applicant.id(), applicant.fullName(), applicant.email(), applicant.phone(),
                languageOf(applicant.language()));
    }

    public static Recipient officer(String subject) {
        return new Recipient(Kind.OFFICER, subject, subject, null, null, "vi");
    }

    public static Recipient agencyMailbox(String agencyCode, String email) {
        return new Recipient(Kind.AGENCY_MAILBOX, "mailbox:" + agencyCode, agencyCode, email, null, "vi");
    }

    /** Vietnamese unless the applicant asked for English. */
    static String languageOf(String language) {
        return language != null && language.trim().toLowerCase().startsWith("en") ? "en" : "vi";
    }
}
