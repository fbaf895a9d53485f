package vn.motcua.payment.obligation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import vn.motcua.contracts.common.FeeLine;
import vn.motcua.contracts.dossier.DossierEvents;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.messaging.inbox.PoisonEventException;
import vn.motcua.payment.config.PaymentConfig;
import vn.motcua.payment.payment.Payment;
import vn.motcua.payment.dossier.KnownDossiers;
import vn.motcua.payment.payment.PaymentService;
import vn.motcua.web.problem.CommonProblems;
import vn.motcua.contracts.common.Applicant;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Turns a dossier's "payment required" fact into an obligation and its first payment. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ObligationService {

    private static final Logger LOG = Logger.getLogger(ObligationService.class);

    @Inject
    PaymentConfig config;
    @Inject
    PaymentService payments;
    @Inject
    KnownDossiers knownDossiers;

    public PostalTariff tariff() {
        return new PostalTariff(config.postal().returnFeeVnd(), config.postal().returnFeeName(),
                config.postal().discounts().stream().map(d -> new PostalTariff.Rule(d.code(), d.percent(), d.onlineOnly(),
                        d.validFrom(), d.validUntil())).toList());
    }

    /**
     * Creates the obligation, idempotently: the event id is unique in the table (and the consumer ledger skips
     * redeliveries anyway), and a second event for a dossier that already has one is ignored.
     *
     * @return the new first payment, or empty when nothing was created
     */
    public Optional<Payment> onPaymentRequired(String eventId, DossierEvents.PaymentRequired required, OffsetDateTime now) {
        DossierEvents.DossierRef dossier = required.dossier();
        if (dossier == null || blank(dossier.dossierId()) || blank(dossier.dossierCode()) || blank(dossier.agencyCode())
                || dossier.applicant() == null || blank(dossier.applicant().id())) {
            throw new PoisonEventException("payment-required " + eventId + " lacks the dossier id, code, agency or applicant");
        }
        if (Obligation.count("sourceEventId", eventId) > 0
                || Obligation.count("dossierId = ?1 and kind = ?2", dossier.dossierId(), Obligation.Kind.DOSSIER_FEE.name()) > 0) {
            LOG.infof("dossier %s already has a fee obligation; payment-required %s ignored", dossier.dossierCode(), eventId);
            return Optional.empty();
        }
        List<FeeLine> fees = new ArrayList<>();
        for (FeeLine fee : required.fees() == null ? List.<FeeLine>of() : required.fees()) {
            if (fee == null || blank(fee.code()) || fee.amountVnd() < 0) {
                throw new PoisonEventException("payment-required " + eventId + " has a fee line without code or with a negative amount");
            }
            if (fee.amountVnd() > 0) {
                fees.add(fee);
            }
        }
        boolean hasPostalLine = fees.stream().anyMatch(f -> PostalTariff.FEE_CODE.equals(f.code()));
        if ("POST".equals(dossier.returnMethod()) && !hasPostalLine) {
            FeeLine postal = tariff().feeLine((required.requestedAt() == null ? now : required.requestedAt())
                    .atZoneSameInstant(CloudEventCodec.ZONE).toLocalDate(), required.online());
            if (postal.amountVnd() > 0) {
                fees.add(postal);
            }
        }
        long total;
        try {
            total = fees.stream().mapToLong(FeeLine::amountVnd).reduce(0L, Math::addExact);
        } catch (ArithmeticException e) {
            throw new PoisonEventException("payment-required " + eventId + ": fee lines overflow", e);
        }
        if (total <= 0) {
            LOG.infof("payment-required %s for dossier %s totals 0 VND: nothing to pay", eventId, dossier.dossierCode());
            return Optional.empty();
        }
        Obligation o = new Obligation();
        o.id = UUID.randomUUID().toString();
        o.kind = Obligation.Kind.DOSSIER_FEE.name();
        o.sourceEventId = eventId;
        o.dossierId = dossier.dossierId();
        o.dossierCode = dossier.dossierCode();
        o.procedureCode = dossier.procedureCode();
        o.procedureName = dossier.procedureName();
        o.agencyCode = dossier.agencyCode();
        o.agencyName = dossier.agencyName();
        o.payerId = dossier.applicant().id();
        o.payerName = dossier.applicant().fullName();
        o.payerEmail = dossier.applicant().email();
        o.payerPhone = dossier.applicant().phone();
        o.payerLanguage = dossier.applicant().language();
        o.channel = dossier.channel();
        o.returnMethod = dossier.returnMethod();
        o.fees = List.copyOf(fees);
        o.amountVnd = total;
        o.status = Obligation.Status.OPEN.name();
        o.createdAt = now;
        o.expiresAt = now.plus(config.paymentWindow());
        o.persist();
        return Optional.of(payments.open(o, now));
    }

    /**
     * An extra obligation an officer raises (e.g. a fee discovered while processing). Only the dossier id, the
     * fee lines and the reason are the officer's to choose; the dossier code and payer in the request, when given,
     * must agree with the dossier.
     */
    public record ExtraObligation(String dossierId, Optional<String> dossierCode, Optional<String> payerId,
                                  List<FeeLine> fees, String reason, String officerId, String officerAgency) {
    }

    /**
     * Raises the obligation against the dossier as {@code dossier.events} described it: a dossier of the officer's own
     * agency (another agency's is "not found", as if it did not exist), billed to its applicant, with no fee line
     * coded as a system fee (those settle a dossier or prepay a delivery and are raised by the system only).
     */
    public Payment raise(ExtraObligation extra, OffsetDateTime now) {
        KnownDossiers.KnownDossier dossier = knownDossiers.find(extra.dossierId())
                .filter(d -> d.agencyCode().equals(extra.officerAgency()))
                .orElseThrow(() -> new CommonProblems.NotFound("dossier", extra.dossierId()));
        if (dossier.dossierCode() == null) {
            throw new CommonProblems.WrongState("DOSSIER_NOT_SUBMITTED", "dossier " + dossier.dossierId()
                    + " is a draft: nothing can be billed before it is submitted");
        }
        if (extra.dossierCode().filter(code -> !code.equals(dossier.dossierCode())).isPresent()) {
            throw new CommonProblems.RuleViolated("DOSSIER_CODE_MISMATCH", "dossierCode is not the code of dossier "
                    + dossier.dossierId());
        }
        if (extra.payerId().filter(payer -> !payer.equals(dossier.applicant().id())).isPresent()) {
            throw new CommonProblems.RuleViolated("PAYER_NOT_APPLICANT", "the payer must be the applicant of dossier "
                    + dossier.dossierCode());
        }
        Set<String> reserved = new HashSet<>(config.systemFeeCodes());
        Obligation.<Obligation>find("dossierId = ?1 and kind = ?2", dossier.dossierId(), Obligation.Kind.DOSSIER_FEE.name())
                .stream().flatMap(o -> o.fees.stream()).map(FeeLine::code).forEach(reserved::add);
        List<String> refused = extra.fees().stream().map(FeeLine::code).filter(reserved::contains).distinct().toList();
        if (!refused.isEmpty()) {
            throw new CommonProblems.RuleViolated("SYSTEM_FEE_CODE", "fee codes " + refused
                    + " are raised by the system only (the dossier fee, the postal return fee)");
        }
        long total;
        try {
            total = extra.fees().stream().mapToLong(FeeLine::amountVnd).reduce(0L, Math::addExact);
        } catch (ArithmeticException e) {
            throw new CommonProblems.InvalidInput("fees", "the total overflows");
        }
        Applicant payer = dossier.applicant();
        Obligation o = new Obligation();
        o.id = UUID.randomUUID().toString();
        o.kind = Obligation.Kind.EXTRA.name();
        o.dossierId = dossier.dossierId();
        o.dossierCode = dossier.dossierCode();
        o.procedureCode = dossier.procedureCode();
        o.procedureName = dossier.procedureName();
        o.agencyCode = dossier.agencyCode();
        o.payerId = payer.id();
        o.payerName = payer.fullName() == null ? payer.id() : payer.fullName();
        o.payerEmail = payer.email();
        o.payerPhone = payer.phone();
        o.payerLanguage = payer.language() == null ? "vi" : payer.language();
        o.fees = List.copyOf(extra.fees());
        o.amountVnd = total;
        o.status = Obligation.Status.OPEN.name();
        o.createdAt = now;
        o.createdBy = extra.officerId();
        o.reason = extra.reason();
        o.expiresAt = now.plus(config.paymentWindow());
        o.persist();
        return payments.open(o, now);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
