package vn.motcua.dossier.dossier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import vn.motcua.dossier.common.DossierConfig;
import vn.motcua.web.problem.CommonProblems;

/**
 * What one applicant may keep on the platform before submitting: a number of open drafts and the bytes stored in the
 * dossiers still open for documents (drafts and dossiers awaiting a supplement). Without it, one account could fill
 * the document storage with drafts it never submits. Checked under a per-applicant advisory lock, so that concurrent
 * requests of one applicant cannot each pass the check.
 */
@ApplicationScoped
class ApplicantQuota {

    @Inject
    EntityManager em;

    @Inject
    DossierConfig config;

    void checkNewDraft(String applicantId) {
        lock(applicantId);
        long drafts = em.createQuery("select count(d) from Dossier d where d.applicantId = :a and d.status = :draft", Long.class)
                .setParameter("a", applicantId).setParameter("draft", DossierStatus.DRAFT).getSingleResult();
        if (drafts >= config.quota().openDrafts()) {
            throw new CommonProblems.RuleViolated("TOO_MANY_OPEN_DRAFTS", "You have " + drafts
                    + " unsubmitted drafts, the most one applicant may keep; submit or withdraw one first");
        }
    }

    void checkUpload(String applicantId, long announcedBytes) {
        lock(applicantId);
        Long stored = em.createQuery("""
                        select coalesce(sum(doc.sizeBytes), 0) from DossierDocument doc, Dossier d
                        where doc.dossierId = d.id and d.applicantId = :a and d.status in (:open)""", Long.class)
                .setParameter("a", applicantId)
                .setParameter("open", java.util.List.of(DossierStatus.DRAFT, DossierStatus.SUPPLEMENT_REQUESTED))
                .getSingleResult();
        if (stored + announcedBytes > config.quota().openBytes()) {
            throw new CommonProblems.RuleViolated("STORAGE_QUOTA_EXCEEDED", "Your open dossiers already hold " + stored
                    + " bytes; with this document they would exceed the " + config.quota().openBytes() + " bytes one applicant may keep"
                    + " before submitting; remove documents or submit first");
        }
    }

    private void lock(String applicantId) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))").setParameter(1, "applicant-quota|" + applicantId)
                .getSingleResult();
    }
}
