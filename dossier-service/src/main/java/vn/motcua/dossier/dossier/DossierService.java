package vn.motcua.dossier.dossier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.contracts.common.Applicant;
import vn.motcua.contracts.common.FeeLine;
import vn.motcua.contracts.common.PostalAddress;
import vn.motcua.contracts.dossier.DossierEvents;
import vn.motcua.dossier.audit.AuditTrail.Change;
import vn.motcua.dossier.catalogue.Agency;
import vn.motcua.dossier.catalogue.AdminUnit;
import vn.motcua.dossier.catalogue.CatalogueService;
import vn.motcua.dossier.catalogue.Procedure;
import vn.motcua.dossier.catalogue.RequiredDocument;
import vn.motcua.dossier.common.Actor;
import vn.motcua.dossier.common.Clocks;
import vn.motcua.dossier.common.DossierConfig;
import vn.motcua.dossier.common.JsonColumns;
import vn.motcua.dossier.common.Texts;
import vn.motcua.dossier.document.DocumentStorage;
import vn.motcua.dossier.document.DossierDocument;
import vn.motcua.dossier.document.SizeLimitedInputStream;
import vn.motcua.dossier.dossier.DossierViews.AddressRequest;
import vn.motcua.dossier.dossier.DossierViews.CounterSubmissionRequest;
import vn.motcua.dossier.dossier.DossierViews.CreateDossierRequest;
import vn.motcua.dossier.dossier.DossierViews.DocumentUpload;
import vn.motcua.dossier.dossier.DossierViews.DocumentView;
import vn.motcua.dossier.dossier.DossierViews.DossierSummary;
import vn.motcua.dossier.dossier.DossierViews.DossierView;
import vn.motcua.dossier.dossier.DossierViews.PortalSubmissionRequest;
import vn.motcua.dossier.dossier.DossierViews.RatingRequest;
import vn.motcua.dossier.dossier.DossierViews.StepView;
import vn.motcua.dossier.dossier.DossierViews.SupplementView;
import vn.motcua.dossier.dossier.DossierViews.WithdrawRequest;
import vn.motcua.dossier.statistics.DailyCounters;
import vn.motcua.dossier.workflow.DueDates;
import vn.motcua.web.problem.CommonProblems;
import vn.motcua.web.problem.Problem;
import vn.motcua.web.request.Page;
import vn.motcua.web.request.PageRequest;
import vn.motcua.web.security.Roles;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Intake and the applicant's side of a dossier: drafts, documents, submission (also by the national portal),
 * resubmission after a supplement request, withdrawal, rating; and who may see which dossier.
 */
@ApplicationScoped
@Transactional
public class DossierService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SECRET_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    @Inject
    EntityManager em;
    @Inject
    CatalogueService catalogue;
    @Inject
    DossierLifecycle lifecycle;
    @Inject
    DossierCodes codes;
    @Inject
    DocumentStorage storage;
    @Inject
    DailyCounters counters;
    @Inject
    DossierConfig config;
    @Inject
    WorkQueue workQueue;
    @Inject
    WorkingCalendar calendar;
    @Inject
    Clock clock;
    @Inject
    ApplicantQuota quota;

    // ---------------------------------------------------------------- creation

    /** A citizen's draft; the applicant is the caller, with the contact details of their token. */
    public DossierView createDraft(@NotNull Actor actor, @NotNull Applicant applicant, @NotNull @Valid CreateDossierRequest request) {
        Procedure procedure = catalogue.activeProcedure(request.procedureCode());
        Dossier dossier = newDossier(procedure, applicant, request.channel(), request.returnMethod(), request.deliveryAddress());
        quota.checkNewDraft(dossier.applicantId);
        em.persist(dossier);
        lifecycle.recordCreation(dossier, actor, null);
        lifecycle.publish(dossier, DossierEvents.DRAFT_CREATED,
                new DossierEvents.DraftCreated(DossierLifecycle.ref(dossier), Clocks.local(dossier.createdAt)));
        em.flush();
        return view(dossier, actor);
    }

    /** The national portal forwards a dossier filed there: created, documents attached and submitted at once. */
    public DossierView submitFromPortal(@NotNull Actor actor, @NotNull @Valid PortalSubmissionRequest request) {
        boolean exists = !em.createQuery("select d.id from Dossier d where d.portalDossierCode = :code", UUID.class)
                .setParameter("code", request.portalDossierCode()).getResultList().isEmpty();
        if (exists) {
            throw new DossierProblems.PortalCodeExists(request.portalDossierCode());
        }
        return submitOnBehalf(actor, request.procedureCode(), request.applicant(), Channel.ONLINE, request.returnMethod(),
                request.deliveryAddress(), request.documents(), request.portalDossierCode(),
                "forwarded by the national portal as " + request.portalDossierCode());
    }

    /**
     * A walk-in applicant at the one-stop-shop counter: the officer files the dossier (channel COUNTER) with the
     * scanned documents, for a procedure of their own agency.
     */
    public DossierView submitAtCounter(@NotNull Actor actor, @NotNull @Valid CounterSubmissionRequest request) {
        Procedure procedure = catalogue.activeProcedure(request.procedureCode());
        if (actor.agencyCode() == null || !procedure.agencyCode.equals(actor.agencyCode())) {
            throw new CommonProblems.RuleViolated("PROCEDURE_OF_ANOTHER_AGENCY", "Procedure " + procedure.code
                    + " is handled by agency " + procedure.agencyCode + ", not by yours");
        }
        return submitOnBehalf(actor, request.procedureCode(), request.applicant(), Channel.COUNTER, request.returnMethod(),
                request.deliveryAddress(), request.documents(), null, "filed at the counter");
    }

    private DossierView submitOnBehalf(Actor actor, String procedureCode, DossierViews.ApplicantRequest who, Channel channel,
                                       ReturnMethod returnMethod, AddressRequest address, List<DocumentUpload> documents,
                                       String portalCode, String why) {
        Procedure procedure = catalogue.activeProcedure(procedureCode);
        Applicant applicant = new Applicant(who.id(), who.fullName(), who.email(), who.phone(), "vi");
        Dossier dossier = newDossier(procedure, applicant, channel, returnMethod, address);
        dossier.portalDossierCode = portalCode;
        em.persist(dossier);
        Actor forApplicant = actor.onBehalfOf(applicant.id());
        lifecycle.recordCreation(dossier, forApplicant, why);
        for (int i = 0; i < documents.size(); i++) {
            attach(dossier, procedure, forApplicant, IncomingDocument.of(documents.get(i), "documents[" + i + "]."));
        }
        submit(dossier, procedure, forApplicant);
        em.flush();
        return view(dossier, actor);
    }

    private Dossier newDossier(Procedure procedure, Applicant applicant, Channel channel, ReturnMethod returnMethod,
                               AddressRequest address) {
        List<ReturnMethod> allowed = procedure.allowedReturnMethods();
        if (!allowed.contains(returnMethod)) {
            throw new DossierProblems.ReturnMethodNotAllowed(returnMethod, procedure.code, allowed);
        }
        if (address == null && (returnMethod == ReturnMethod.POST || channel == Channel.POSTAL)) {
            throw new DossierProblems.AddressRequired(returnMethod == ReturnMethod.POST
                    ? "Return by post needs a delivery address" : "Postal submission needs the address to collect from");
        }
        Agency agency = catalogue.agencyEntity(procedure.agencyCode).orElseThrow();
        Dossier dossier = new Dossier();
        dossier.id = UUID.randomUUID();
        dossier.procedureCode = procedure.code;
        dossier.procedureName = procedure.name;
        dossier.agencyCode = agency.code;
        dossier.agencyName = agency.name;
        dossier.applicantId = applicant.id();
        dossier.applicantName = applicant.fullName();
        dossier.applicantEmail = applicant.email();
        dossier.applicantPhone = applicant.phone();
        dossier.applicantPhoneKey = Texts.phoneKey(applicant.phone());
        dossier.channel = channel;
        dossier.returnMethod = returnMethod;
        dossier.deliveryAddress = address == null ? null : JsonColumns.write(postalAddress(address));
        dossier.status = DossierStatus.DRAFT;
        dossier.feeLines = "[]";
        dossier.createdAt = lifecycle.now();
        dossier.updatedAt = dossier.createdAt;
        dossier.trackingSecret = secret();
        return dossier;
    }

    /** Checks the address against the administrative units valid today (two levels since 1 July 2025). */
    private PostalAddress postalAddress(AddressRequest a) {
        LocalDate today = LocalDate.now(clock.withZone(WorkingCalendar.ZONE));
        AdminUnit province = catalogue.adminUnit(a.provinceCode())
                .filter(u -> u.level.equals("PROVINCE") && u.validOn(today))
                .orElseThrow(() -> new DossierProblems.InvalidAddress("deliveryAddress.provinceCode",
                        "'" + a.provinceCode() + "' is not a province valid today"));
        AdminUnit commune = catalogue.adminUnit(a.communeCode())
                .filter(u -> u.level.equals("COMMUNE") && u.validOn(today))
                .orElseThrow(() -> new DossierProblems.InvalidAddress("deliveryAddress.communeCode",
                        "'" + a.communeCode() + "' is not a commune valid today"));
        if (!province.code.equals(commune.parentCode)) {
            throw new DossierProblems.InvalidAddress("deliveryAddress.communeCode",
                    "commune " + commune.code + " is not in province " + province.code);
        }
        if (a.districtCode() != null && catalogue.adminUnit(a.districtCode()).isEmpty()) {
            throw new DossierProblems.InvalidAddress("deliveryAddress.districtCode", "'" + a.districtCode() + "' is unknown");
        }
        return new PostalAddress(a.recipientName().trim(), a.phone().trim(), a.street().trim(), commune.code, commune.name,
                a.districtCode(), province.code, province.name);
    }

    // ---------------------------------------------------------------- documents

    /** A document from base64 JSON. */
    public DocumentView uploadDocument(@NotNull UUID id, @NotNull Actor actor, @NotNull @Valid DocumentUpload upload) {
        Dossier dossier = dossierOpenForDocuments(id, actor);
        Procedure procedure = em.find(Procedure.class, dossier.procedureCode);
        DossierDocument document = attach(dossier, procedure, actor, IncomingDocument.of(upload, ""));
        return recordUpload(dossier, actor, document);
    }

    /**
     * A document streamed from a multipart part: checked (type, declared size) before a byte is copied, then copied to
     * the storage with the SHA-256 and the size computed on the way.
     */
    public DocumentView uploadDocument(@NotNull UUID id, @NotNull Actor actor, @NotNull IncomingDocument incoming) {
        Dossier dossier = dossierOpenForDocuments(id, actor);
        Procedure procedure = em.find(Procedure.class, dossier.procedureCode);
        DossierDocument document = attach(dossier, procedure, actor, incoming);
        return recordUpload(dossier, actor, document);
    }

    private Dossier dossierOpenForDocuments(UUID id, Actor actor) {
        Dossier dossier = applicantsDossier(id, actor);
        if (dossier.status != DossierStatus.DRAFT && dossier.status != DossierStatus.SUPPLEMENT_REQUESTED) {
            throw new DossierProblems.IllegalTransition(dossier, "upload document",
                    "accepts documents only as a DRAFT or while a supplement is requested");
        }
        return dossier;
    }

    private DocumentView recordUpload(Dossier dossier, Actor actor, DossierDocument document) {
        lifecycle.record(dossier, "upload-document", actor,
                Map.of("document", new Change(null, document.requiredDocumentCode + " " + document.fileName + " sha256:" + document.sha256)), null);
        em.flush();
        return view(document);
    }

    /**
     * One document however it arrived, with the request fields to name when it is refused.
     *
     * @param size    the size announced (multipart: the part as received; JSON: the decoded bytes); the copy enforces
     *                the limit again while reading
     * @param content opens the bytes; read once, in a stream
     */
    public record IncomingDocument(String requiredDocumentCode, String fileName, String contentType, long size,
                                   Content content, String codeField, String typeField, String contentField) {

        @FunctionalInterface
        public interface Content {
            InputStream open() throws IOException;
        }

        /** From base64 JSON; {@code path} prefixes the field names (e.g. {@code documents[0].}). */
        static IncomingDocument of(DocumentUpload upload, String path) {
            return new IncomingDocument(upload.requiredDocumentCode(), upload.fileName(), upload.contentType(),
                    (long) upload.contentBase64().length() * 3 / 4, () -> {
                        try {
                            return new ByteArrayInputStream(Base64.getMimeDecoder().decode(upload.contentBase64()));
                        } catch (IllegalArgumentException e) {
                            throw new CommonProblems.InvalidInput(path + "contentBase64", "is not base64: " + e.getMessage());
                        }
                    }, path + "requiredDocumentCode", path + "contentType", path + "contentBase64");
        }
    }

    private DossierDocument attach(Dossier dossier, Procedure procedure, Actor actor, IncomingDocument incoming) {
        RequiredDocument required = procedure.documents().stream()
                .filter(d -> d.code().equals(incoming.requiredDocumentCode())).findFirst()
                .orElseThrow(() -> new DossierProblems.DocumentTypeNotAccepted(incoming.codeField(),
                        "procedure " + procedure.code + " asks for " + procedure.documents().stream()
                                .map(RequiredDocument::code).toList() + ", not '" + incoming.requiredDocumentCode() + "'"));
        String contentType = incoming.contentType().trim().toLowerCase(java.util.Locale.ROOT);
        if (!required.acceptedContentTypes().contains(contentType)) {
            throw new DossierProblems.DocumentTypeNotAccepted(incoming.typeField(),
                    "'" + contentType + "' is not accepted for " + required.code() + "; accepted: " + required.acceptedContentTypes());
        }
        long max = Math.min(required.maxSizeBytes(), config.documents().maxBytes());
        // base64 announces up to 2 bytes of padding more than it decodes to; the copy below counts exactly
        if (incoming.size() > max + 3) {
            throw new DossierProblems.DocumentTooLarge(required.code(), incoming.size(), max, incoming.contentField());
        }
        if (incoming.size() == 0) {
            throw new CommonProblems.InvalidInput(incoming.contentField(), "the document is empty");
        }
        long count = em.createQuery("select count(d) from DossierDocument d where d.dossierId = :id", Long.class)
                .setParameter("id", dossier.id).getSingleResult();
        if (count >= config.documents().maxPerDossier()) {
            throw new CommonProblems.RuleViolated("TOO_MANY_DOCUMENTS",
                    "A dossier holds at most " + config.documents().maxPerDossier() + " documents");
        }
        if (actor.id().equals(dossier.applicantId)) { // what counters and the portal attach while filing is not a draft kept
            quota.checkUpload(dossier.applicantId, incoming.size());
        }
        MessageDigest sha256 = sha256();
        String key;
        long size;
        try (InputStream raw = incoming.content().open()) {
            SizeLimitedInputStream limited = new SizeLimitedInputStream(raw, max);
            key = storage.put(dossier.id.toString(), new DigestInputStream(limited, sha256));
            size = limited.count();
        } catch (IOException | UncheckedIOException e) {
            if (causedBy(e, SizeLimitedInputStream.TooLarge.class)) {
                throw new DossierProblems.DocumentTooLarge(required.code(), max + 1, max, incoming.contentField());
            }
            throw new UncheckedIOException("cannot store a document of dossier " + dossier.id,
                    e instanceof IOException io ? io : ((UncheckedIOException) e).getCause());
        }
        if (size == 0) {
            storage.delete(key);
            throw new CommonProblems.InvalidInput(incoming.contentField(), "the document is empty");
        }
        DossierDocument document = new DossierDocument();
        document.id = UUID.randomUUID();
        document.dossierId = dossier.id;
        document.requiredDocumentCode = required.code();
        document.kind = dossier.status == DossierStatus.SUPPLEMENT_REQUESTED ? "SUPPLEMENT" : "APPLICATION";
        document.fileName = incoming.fileName().trim();
        document.contentType = contentType;
        document.sizeBytes = size;
        document.sha256 = HexFormat.of().formatHex(sha256.digest());
        document.storageKey = key;
        document.uploadedBy = actor.id();
        document.uploadedAt = lifecycle.now();
        em.persist(document);
        return document;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    public record DocumentContent(String fileName, String contentType, String sha256, byte[] bytes) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DocumentContent documentContent(@NotNull UUID id, @NotNull UUID documentId, @NotNull Actor actor) {
        Dossier dossier = visible(id, actor);
        DossierDocument document = em.find(DossierDocument.class, documentId);
        if (document == null || !document.dossierId.equals(dossier.id)) {
            throw new CommonProblems.NotFound("Document", documentId.toString());
        }
        byte[] bytes = storage.get(document.storageKey)
                .orElseThrow(() -> new IllegalStateException("document " + documentId + " has no content in storage"));
        return new DocumentContent(document.fileName, document.contentType, document.sha256, bytes);
    }

    // ---------------------------------------------------------------- applicant actions

    public DossierView submit(@NotNull UUID id, @NotNull Actor actor, Long version) {
        Dossier dossier = applicantsDossier(id, actor);
        DossierLifecycle.expectVersion(dossier, version);
        Procedure procedure = em.find(Procedure.class, dossier.procedureCode);
        if (procedure == null || !procedure.active) {
            throw new vn.motcua.dossier.catalogue.CatalogueProblems.UnknownProcedure(dossier.procedureCode);
        }
        submit(dossier, procedure, actor);
        em.flush();
        return view(dossier, actor);
    }

    private void submit(Dossier dossier, Procedure procedure, Actor actor) {
        long fee = procedure.feeTotal();
        DossierStatus target = fee > 0 ? DossierStatus.AWAITING_PAYMENT : DossierStatus.SUBMITTED;
        if (!dossier.status.canMoveTo(target) || dossier.status != DossierStatus.DRAFT) {
            throw new DossierProblems.IllegalTransition(dossier, "submit", target);
        }
        Set<String> uploaded = new java.util.HashSet<>(em.createQuery(
                        "select d.requiredDocumentCode from DossierDocument d where d.dossierId = :id", String.class)
                .setParameter("id", dossier.id).getResultList());
        List<Problem.Violation> missing = new ArrayList<>();
        for (RequiredDocument required : procedure.documents()) {
            if (required.mandatory() && !uploaded.contains(required.code())) {
                missing.add(new Problem.Violation("documents." + required.code(), "mandatory: " + required.name()));
            }
        }
        if (!missing.isEmpty()) {
            throw new DossierProblems.MissingDocuments(missing);
        }
        if (!procedure.allowedReturnMethods().contains(dossier.returnMethod)) {
            throw new DossierProblems.ReturnMethodNotAllowed(dossier.returnMethod, procedure.code, procedure.allowedReturnMethods());
        }
        if (dossier.deliveryAddress == null && (dossier.returnMethod == ReturnMethod.POST || dossier.channel == Channel.POSTAL)) {
            throw new DossierProblems.AddressRequired("Return by post or postal submission needs an address");
        }
        OffsetDateTime now = lifecycle.now();
        dossier.code = codes.next(dossier.agencyCode, now.atZoneSameInstant(WorkingCalendar.ZONE).toLocalDate());
        dossier.submittedAt = now;
        // the fees of the day of submission stay with the dossier even if the catalogue changes later
        List<FeeLine> fees = procedure.fees();
        dossier.feeLines = JsonColumns.write(fees);
        dossier.feeTotal = fee;
        lifecycle.move(dossier, target, "submit", actor, Map.of("code", new Change(null, dossier.code)), null);
        counters.increment(dossier, now, "submitted");
        if (fee > 0) {
            counters.increment(dossier, now, "fee_required");
        }
        PostalAddress address = JsonColumns.address(dossier.deliveryAddress);
        lifecycle.publish(dossier, DossierEvents.SUBMITTED, new DossierEvents.Submitted(DossierLifecycle.ref(dossier),
                Clocks.local(now), fee > 0, dossier.channel == Channel.POSTAL ? address : null));
        if (fee > 0) {
            lifecycle.publish(dossier, DossierEvents.PAYMENT_REQUIRED, new DossierEvents.PaymentRequired(
                    DossierLifecycle.ref(dossier), fees, fee, dossier.channel == Channel.ONLINE,
                    dossier.returnMethod == ReturnMethod.POST ? address : null, Clocks.local(now)));
        }
    }

    /** The applicant completed the dossier after a supplement request; the due date follows the configured rule. */
    public DossierView resubmit(@NotNull UUID id, @NotNull Actor actor, Long version) {
        Dossier dossier = applicantsDossier(id, actor);
        DossierLifecycle.expectVersion(dossier, version);
        if (dossier.status != DossierStatus.SUPPLEMENT_REQUESTED) {
            throw new DossierProblems.IllegalTransition(dossier, "resubmit", "is possible only while a supplement is requested");
        }
        long newDocuments = em.createQuery("""
                        select count(d) from DossierDocument d where d.dossierId = :id and d.kind = 'SUPPLEMENT'
                        and d.uploadedAt >= :since""", Long.class)
                .setParameter("id", dossier.id).setParameter("since", dossier.supplementRequestedAt).getSingleResult();
        if (newDocuments == 0) {
            throw new CommonProblems.RuleViolated("SUPPLEMENT_EMPTY", "Upload the requested documents before resubmitting");
        }
        OffsetDateTime now = lifecycle.now();
        Procedure procedure = em.find(Procedure.class, dossier.procedureCode);
        OffsetDateTime previousDue = dossier.dueAt;
        DossierStatus target;
        if (dossier.receivedAt != null) {
            target = DossierStatus.PROCESSING;
            DueDates dueDates = new DueDates(calendar, config.dueDates().endOfDay());
            dossier.dueAt = dueDates.afterSupplement(dossier.dueAt, dossier.supplementRequestedAt, now,
                    procedure.processingDays, config.dueDates().supplementClock());
        } else {
            target = DossierStatus.SUBMITTED; // asked before reception: back to the reception queue
        }
        lifecycle.move(dossier, target, "resubmit", actor, Map.of("dueAt", new Change(previousDue, dossier.dueAt)), null);
        lifecycle.publish(dossier, DossierEvents.SUPPLEMENT_SUBMITTED,
                new DossierEvents.SupplementSubmitted(DossierLifecycle.ref(dossier), Clocks.local(now)));
        em.flush();
        return view(dossier, actor);
    }

    /**
     * Withdrawal: before reception it takes effect at once; once received, it is a request the agency decides on.
     */
    public DossierView withdraw(@NotNull UUID id, @NotNull Actor actor, @NotNull @Valid WithdrawRequest request) {
        Dossier dossier = applicantsDossier(id, actor);
        DossierLifecycle.expectVersion(dossier, request.version());
        OffsetDateTime now = lifecycle.now();
        if (dossier.status.canMoveTo(DossierStatus.WITHDRAWN)) {
            dossier.outcomeReason = request.reason();
            lifecycle.move(dossier, DossierStatus.WITHDRAWN, "withdraw", actor, Map.of(), request.reason());
            if (dossier.submittedAt != null) {
                counters.increment(dossier, now, "withdrawn");
                lifecycle.publish(dossier, DossierEvents.WITHDRAWN,
                        new DossierEvents.Withdrawn(DossierLifecycle.ref(dossier), request.reason(), Clocks.local(now)));
            }
        } else {
            DossierStatus previous = dossier.status;
            lifecycle.move(dossier, DossierStatus.WITHDRAWAL_REQUESTED, "request-withdrawal", actor, Map.of(), request.reason());
            dossier.statusBeforeWithdrawal = previous;
            dossier.outcomeReason = request.reason();
            lifecycle.publish(dossier, DossierEvents.WITHDRAWAL_REQUESTED,
                    new DossierEvents.WithdrawalRequested(DossierLifecycle.ref(dossier), request.reason(), Clocks.local(now)));
        }
        em.flush();
        return view(dossier, actor);
    }

    /** Satisfaction: the applicant rates a finished dossier once. */
    public DossierView rate(@NotNull UUID id, @NotNull Actor actor, @NotNull @Valid RatingRequest request) {
        Dossier dossier = applicantsDossier(id, actor);
        if (dossier.status != DossierStatus.RETURNED && dossier.status != DossierStatus.REFUSED) {
            throw new DossierProblems.IllegalTransition(dossier, "rate", "is possible once the dossier is RETURNED or REFUSED");
        }
        if (dossier.rating != null) {
            throw new CommonProblems.WrongState("ALREADY_RATED", "Dossier " + dossier.code + " was rated already");
        }
        OffsetDateTime now = lifecycle.now();
        dossier.rating = request.score();
        dossier.ratingComment = request.comment();
        dossier.ratedAt = now;
        lifecycle.record(dossier, "rate", actor, Map.of("rating", new Change(null, request.score())), null);
        counters.increment(dossier, now, "rating_count");
        counters.add(dossier, now, "rating_sum", request.score());
        em.flush();
        return view(dossier, actor);
    }

    // ---------------------------------------------------------------- reads and visibility

    /**
     * The dossier if the actor may see it, else 404 (never 403: we do not confirm that it exists). Citizens see
     * their own; officers and leaders their agency's; the portal the dossiers it forwarded; administrators all.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Dossier visible(UUID id, Actor actor) {
        Dossier dossier = em.find(Dossier.class, id);
        if (dossier == null || !maySee(dossier, actor)) {
            throw new DossierProblems.DossierNotFound(id.toString());
        }
        return dossier;
    }

    public static boolean maySee(Dossier dossier, Actor actor) {
        return switch (actor.role()) {
            case Roles.ADMIN -> true;
            case Roles.OFFICER, Roles.LEADER -> dossier.agencyCode.equals(actor.agencyCode()) && dossier.status != DossierStatus.DRAFT;
            case Roles.PORTAL -> dossier.portalDossierCode != null;
            case Roles.CITIZEN -> dossier.applicantId.equals(actor.id());
            default -> false;
        };
    }

    /** For the applicant's own actions: locked for update so concurrent actions serialise. */
    private Dossier applicantsDossier(UUID id, Actor actor) {
        Dossier dossier = em.find(Dossier.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (dossier == null || !dossier.applicantId.equals(actor.id())) {
            throw new DossierProblems.DossierNotFound(id.toString());
        }
        return dossier;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DossierView get(UUID id, Actor actor) {
        return view(visible(id, actor), actor);
    }

    /** Filters of a dossier list; every one optional. */
    public record ListFilter(List<DossierStatus> statuses, String procedureCode, Channel channel, Boolean overdue,
                             OffsetDateTime dueAfter, OffsetDateTime dueBefore, boolean assignedToMe, String agencyCode,
                             String sort) {
    }

    /** Descending is the exact reverse of ascending (nulls first), so that one index serves both directions. */
    private static final Map<String, String> SORTS = Map.of(
            "dueAt", "d.dueAt asc nulls last, d.id asc", "-dueAt", "d.dueAt desc nulls first, d.id desc",
            "submittedAt", "d.submittedAt asc nulls last, d.id asc", "-submittedAt", "d.submittedAt desc nulls first, d.id desc",
            "createdAt", "d.createdAt asc, d.id asc", "-createdAt", "d.createdAt desc, d.id desc");

    public static Set<String> sorts() {
        return SORTS.keySet();
    }

    /**
     * A citizen's own dossiers, the officer work queue of the caller's agency, the portal's forwarded dossiers or an
     * administrator's list. The scope is part of the WHERE clause (and the leading column of each index), never a
     * per-row check after loading. An agency's list goes through {@link WorkQueue}, whose cost does not grow with
     * the agency's number of dossiers; officers see the open dossiers unless they ask for statuses.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<DossierSummary> list(Actor actor, ListFilter filter, PageRequest page) {
        switch (actor.role()) {
            case Roles.OFFICER, Roles.LEADER -> {
                if (actor.agencyCode() == null) {
                    throw new CommonProblems.Forbidden("Your token carries no agency; ask the administrator");
                }
                Set<DossierStatus> statuses = requested(filter, WorkQueue.OPEN);
                return workQueue.page(actor.agencyCode(), statuses, filter, sortOr(filter, "dueAt"),
                        filter.assignedToMe() ? actor.id() : null, page);
            }
            case Roles.ADMIN -> {
                if (filter.agencyCode() != null) {
                    return workQueue.page(filter.agencyCode(), requested(filter, WorkQueue.VISIBLE_TO_AGENCY), filter,
                            sortOr(filter, "-submittedAt"), filter.assignedToMe() ? actor.id() : null, page);
                }
            }
            case Roles.CITIZEN, Roles.PORTAL -> {
            }
            default -> throw new CommonProblems.Forbidden("Your role may not list dossiers");
        }
        StringBuilder where = new StringBuilder(" where ");
        Map<String, Object> params = new HashMap<>();
        String defaultSort;
        switch (actor.role()) {
            case Roles.CITIZEN -> {
                where.append("d.applicantId = :me");
                params.put("me", actor.id());
                defaultSort = "-createdAt";
            }
            case Roles.PORTAL -> {
                where.append("d.portalDossierCode is not null");
                defaultSort = "-submittedAt";
            }
            default -> {
                where.append("d.status <> :draft");
                params.put("draft", DossierStatus.DRAFT);
                defaultSort = "-submittedAt";
            }
        }
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            where.append(" and d.status in :statuses");
            params.put("statuses", filter.statuses());
        }
        if (filter.procedureCode() != null) {
            where.append(" and d.procedureCode = :procedure");
            params.put("procedure", filter.procedureCode());
        }
        if (filter.channel() != null) {
            where.append(" and d.channel = :channel");
            params.put("channel", filter.channel());
        }
        if (filter.overdue() != null) {
            // overdue now: the clock runs and the due time passed (a dossier returned late keeps its flag for the record)
            where.append(filter.overdue() ? " and (d.overdue = true and d.status in :clock)"
                    : " and not (d.overdue = true and d.status in :clock)");
            params.put("clock", List.of(DossierStatus.RECEIVED, DossierStatus.PROCESSING, DossierStatus.WITHDRAWAL_REQUESTED));
        }
        if (filter.dueAfter() != null) {
            where.append(" and d.dueAt >= :dueAfter");
            params.put("dueAfter", filter.dueAfter());
        }
        if (filter.dueBefore() != null) {
            where.append(" and d.dueAt < :dueBefore");
            params.put("dueBefore", filter.dueBefore());
        }
        if (filter.assignedToMe()) {
            where.append(" and d.stepAssigneeId = :assignee");
            params.put("assignee", actor.id());
        }
        String order = SORTS.get(sortOr(filter, defaultSort));
        TypedQuery<Dossier> query = em.createQuery("select d from Dossier d" + where + " order by " + order, Dossier.class);
        params.forEach(query::setParameter);
        List<DossierSummary> items = query.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList()
                .stream().map(DossierService::summary).toList();
        long total;
        if (items.size() < page.size() && (!items.isEmpty() || page.page() == 0)) {
            total = (long) page.offset() + items.size(); // the last page tells the total without a count
        } else {
            // counting up to a cap keeps the cost of a list independent of the table size; above it, cap + 1
            TypedQuery<UUID> ids = em.createQuery("select d.id from Dossier d" + where, UUID.class);
            params.forEach(ids::setParameter);
            total = ids.setMaxResults(Math.max(WorkQueue.TOTAL_CAP, page.offset() + page.size()) + 1).getResultList().size();
        }
        return new Page<>(items, page.page(), page.size(), total);
    }

    /** The statuses asked for, or the default set; never one the agency's staff may not see. */
    private static Set<DossierStatus> requested(ListFilter filter, Set<DossierStatus> fallback) {
        if (filter.statuses() == null || filter.statuses().isEmpty()) {
            return fallback;
        }
        Set<DossierStatus> statuses = EnumSet.noneOf(DossierStatus.class);
        statuses.addAll(filter.statuses());
        statuses.retainAll(WorkQueue.VISIBLE_TO_AGENCY);
        return statuses;
    }

    private static String sortOr(ListFilter filter, String fallback) {
        return filter.sort() == null ? fallback : filter.sort();
    }

    // ---------------------------------------------------------------- mapping

    public DossierView view(Dossier d, Actor actor) {
        List<DocumentView> documents = em.createQuery(
                        "select x from DossierDocument x where x.dossierId = :id order by x.uploadedAt, x.id", DossierDocument.class)
                .setParameter("id", d.id).getResultList().stream().map(DossierService::view).toList();
        boolean applicant = d.applicantId.equals(actor.id());
        StepView step = d.stepName == null ? null : new StepView(d.stepName, d.stepAssigneeId, Clocks.local(d.stepDueAt));
        SupplementView supplement = d.supplementRequestedAt == null ? null
                : new SupplementView(d.supplementReason, JsonColumns.strings(d.supplementItems), Clocks.local(d.supplementRequestedAt));
        return new DossierView(d.id, d.code, d.procedureCode, d.procedureName, d.agencyCode, d.agencyName,
                DossierLifecycle.applicant(d), d.channel, d.returnMethod, JsonColumns.address(d.deliveryAddress), d.status,
                d.status.portalStatus(), d.portalDossierCode, JsonColumns.fees(d.feeLines), d.feeTotal,
                Clocks.local(d.paidAt), Clocks.local(d.createdAt), Clocks.local(d.submittedAt), Clocks.local(d.receivedAt),
                d.receiptNumber, Clocks.local(d.dueAt), d.overdue, Clocks.local(d.resolvedAt), Clocks.local(d.returnedAt),
                d.resultSummary, d.outcomeReason, step, supplement, Clocks.local(d.checkedInAt), d.queueNumber,
                d.postalReturnFailed, applicant ? d.trackingSecret : null, d.rating, documents, d.version);
    }

    static DossierSummary summary(Dossier d) {
        return new DossierSummary(d.id, d.code, d.procedureCode, d.procedureName, d.agencyCode, d.applicantName, d.channel,
                d.status, d.status.portalStatus(), Clocks.local(d.submittedAt), Clocks.local(d.dueAt), d.overdue,
                d.stepName, d.stepAssigneeId, d.version);
    }

    static DocumentView view(DossierDocument x) {
        return new DocumentView(x.id, x.requiredDocumentCode, x.kind, x.fileName, x.contentType, x.sizeBytes, x.sha256,
                Clocks.local(x.uploadedAt));
    }

    private static String secret() {
        StringBuilder secret = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            secret.append(SECRET_ALPHABET.charAt(RANDOM.nextInt(SECRET_ALPHABET.length())));
        }
        return secret.toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    static String joined(List<?> values) {
        return values.stream().map(Object::toString).collect(Collectors.joining(","));
    }
}
