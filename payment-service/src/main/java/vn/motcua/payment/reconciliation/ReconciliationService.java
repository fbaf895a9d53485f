package vn.motcua.payment.reconciliation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.payment.payment.Payment;
import vn.motcua.payment.provider.ProviderCode;
import vn.motcua.web.request.Page;
import vn.motcua.web.request.PageRequest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Compares a provider's statement for one day with what we recorded. Kinds of line:
 * MATCHED (both sides, same amount), AMOUNT_MISMATCH (both sides, different amounts), MISSING_HERE (the provider
 * collected money we have no paid payment for) and MISSING_THERE (we recorded a payment settled that day that the
 * statement lacks). The report and its lines are stored.
 */
@ApplicationScoped
@Transactional
public class ReconciliationService {

    public enum Kind { MATCHED, MISSING_HERE, MISSING_THERE, AMOUNT_MISMATCH }

    @Inject
    EntityManager em;

    public record Item(Kind kind, String reference, String providerTransactionId, String paymentId, Long ourAmountVnd,
                       Long theirAmountVnd) {
    }

    public record Report(String id, ProviderCode provider, LocalDate statementDate, String importedBy,
                         OffsetDateTime importedAt, int statementRows, int matched, int missingHere, int missingThere,
                         int amountMismatch, List<Item> items) {
    }

    public Report reconcile(ProviderCode provider, LocalDate day, String csv, String importedBy) {
        List<StatementCsv.Row> rows = StatementCsv.parse(csv);
        OffsetDateTime from = day.atStartOfDay(CloudEventCodec.ZONE).toOffsetDateTime();
        OffsetDateTime to = day.plusDays(1).atStartOfDay(CloudEventCodec.ZONE).toOffsetDateTime();
        List<String> paid = List.of("SUCCEEDED", "REFUND_REQUESTED", "PARTIALLY_REFUNDED", "REFUNDED");
        List<Payment> ours = em.createQuery("""
                        select p from Payment p where p.provider = :provider and p.status in :paid
                        and p.settledAt >= :from and p.settledAt < :to""", Payment.class)
                .setParameter("provider", provider.name()).setParameter("paid", paid)
                .setParameter("from", from).setParameter("to", to).getResultList();
        Map<String, Payment> oursByReference = new HashMap<>();
        ours.forEach(p -> oursByReference.put(p.reference, p));

        List<Item> items = new ArrayList<>();
        for (StatementCsv.Row row : rows) {
            if (!row.success()) {
                continue;
            }
            Payment payment = oursByReference.remove(row.reference());
            if (payment == null) {
                // settled on another day (e.g. around midnight) still counts as recorded here
                payment = em.createQuery("select p from Payment p where p.reference = :r and p.provider = :provider and p.status in :paid",
                        Payment.class).setParameter("r", row.reference()).setParameter("provider", provider.name())
                        .setParameter("paid", paid).getResultStream().findFirst().orElse(null);
            }
            if (payment == null) {
                items.add(new Item(Kind.MISSING_HERE, row.reference(), row.providerTransactionId(), null, null, row.amountVnd()));
            } else if (payment.amountVnd != row.amountVnd() || !"VND".equals(row.currency())) {
                items.add(new Item(Kind.AMOUNT_MISMATCH, row.reference(), row.providerTransactionId(), payment.id,
                        payment.amountVnd, row.amountVnd()));
            } else {
                items.add(new Item(Kind.MATCHED, row.reference(), row.providerTransactionId(), payment.id, payment.amountVnd,
                        row.amountVnd()));
            }
        }
        oursByReference.values().stream().sorted((a, b) -> a.reference.compareTo(b.reference)).forEach(p ->
                items.add(new Item(Kind.MISSING_THERE, p.reference, p.providerTransactionId, p.id, p.amountVnd, null)));

        String id = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(CloudEventCodec.ZONE);
        Map<Kind, Integer> counts = new HashMap<>();
        items.forEach(i -> counts.merge(i.kind(), 1, Integer::sum));
        em.createNativeQuery("""
                        insert into reconciliation_report (id, provider, statement_date, imported_by, imported_at, statement_rows,
                        matched, missing_here, missing_there, amount_mismatch) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)""")
                .setParameter(1, id).setParameter(2, provider.name()).setParameter(3, day).setParameter(4, importedBy)
                .setParameter(5, now).setParameter(6, rows.size())
                .setParameter(7, counts.getOrDefault(Kind.MATCHED, 0)).setParameter(8, counts.getOrDefault(Kind.MISSING_HERE, 0))
                .setParameter(9, counts.getOrDefault(Kind.MISSING_THERE, 0)).setParameter(10, counts.getOrDefault(Kind.AMOUNT_MISMATCH, 0))
                .executeUpdate();
        for (Item item : items) {
            em.createNativeQuery("""
                            insert into reconciliation_item (report_id, kind, reference, provider_transaction_id, payment_id,
                            our_amount_vnd, their_amount_vnd) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                    .setParameter(1, id).setParameter(2, item.kind().name()).setParameter(3, item.reference())
                    .setParameter(4, item.providerTransactionId()).setParameter(5, item.paymentId())
                    .setParameter(6, item.ourAmountVnd()).setParameter(7, item.theirAmountVnd()).executeUpdate();
        }
        return find(id).orElseThrow();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public Optional<Report> find(String id) {
        List<Object[]> reports = em.createNativeQuery("""
                        select id, provider, statement_date, imported_by, imported_at, statement_rows, matched, missing_here,
                        missing_there, amount_mismatch from reconciliation_report where id = ?1""")
                .setParameter(1, id).getResultList();
        if (reports.isEmpty()) {
            return Optional.empty();
        }
        List<Object[]> rows = em.createNativeQuery("""
                        select kind, reference, provider_transaction_id, payment_id, our_amount_vnd, their_amount_vnd
                        from reconciliation_item where report_id = ?1 order by id""").setParameter(1, id).getResultList();
        List<Item> items = rows.stream().map(r -> new Item(Kind.valueOf((String) r[0]), (String) r[1], (String) r[2],
                (String) r[3], r[4] == null ? null : ((Number) r[4]).longValue(), r[5] == null ? null : ((Number) r[5]).longValue())).toList();
        return Optional.of(report(reports.get(0), items));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public Page<Report> list(PageRequest page) {
        List<Object[]> reports = em.createNativeQuery("""
                        select id, provider, statement_date, imported_by, imported_at, statement_rows, matched, missing_here,
                        missing_there, amount_mismatch from reconciliation_report order by imported_at desc, id
                        offset ?1 limit ?2""").setParameter(1, page.offset()).setParameter(2, page.size()).getResultList();
        long total = ((Number) em.createNativeQuery("select count(*) from reconciliation_report").getSingleResult()).longValue();
        return new Page<>(reports.stream().map(r -> report(r, List.of())).toList(), page.page(), page.size(), total);
    }

    private static Report report(Object[] r, List<Item> items) {
        LocalDate date = r[2] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[2];
        OffsetDateTime at = r[4] instanceof OffsetDateTime o ? o : r[4] instanceof java.time.Instant i
                ? i.atOffset(java.time.ZoneOffset.ofHours(7)) : ((java.sql.Timestamp) r[4]).toInstant().atOffset(java.time.ZoneOffset.ofHours(7));
        return new Report((String) r[0], ProviderCode.valueOf((String) r[1]), date, (String) r[3], at,
                ((Number) r[5]).intValue(), ((Number) r[6]).intValue(), ((Number) r[7]).intValue(), ((Number) r[8]).intValue(),
                ((Number) r[9]).intValue(), items);
    }
}
