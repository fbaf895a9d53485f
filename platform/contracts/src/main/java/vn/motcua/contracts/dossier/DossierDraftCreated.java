package vn.motcua.contracts.dossier;

import java.time.OffsetDateTime;

/** Payload of {@code vn.motcua.dossier.draft-created.v1}: an applicant started a dossier and has not submitted it. */
public record DossierDraftCreated(
        String dossierId,
        String applicantId,
        String applicantName,
        String procedureCode,
        String procedureName,
        OffsetDateTime createdAt) {
}
