package vn.motcua.dossier.dossier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import vn.motcua.dossier.dossier.DossierViews.DossierSummary;
import vn.motcua.web.request.Page;
import vn.motcua.web.request.PageRequest;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dossier list of one agency (the officer work queue, or an administrator's list filtered by agency), shaped so
 * that its cost depends on the page asked for, not on how many dossiers the agency has.
 *
 * <p>A list over several statuses ordered by due date cannot be read in order from one index: the planner walks the
 * agency's due-date index and discards every dossier of another status — at 1,000,000 dossiers that was 80,000 rows
 * for one page of 20 (315 ms). Instead the query is a {@code UNION ALL} of one branch per status, each an ordered
 * index range {@code (agency_code, status, <sort column>, id)} with its own {@code LIMIT offset + size}, merged in
 * order (a Merge Append) and cut to the page. The branches read only the id and the sort column (index-only scans),
 * so the rows an offset skips cost an index entry each; the page's rows are then fetched by primary key. Statuses and limits are written into the SQL as literals (they come
 * from the enum and from validated integers): the partial indexes (overdue now) match only literal predicates, and
 * a literal LIMIT keeps the planner on the ordered index scans even with a cached generic plan.
 *
 * <p>The total is counted through the same branches without ordering, stopping after {@link #TOTAL_CAP} (or the end
 * of the requested page, if further): an index-only scan of at most that many entries.
 */
@ApplicationScoped
public class WorkQueue {

    /** Totals are exact up to this many dossiers (or up to the end of the page asked for); beyond, one more. */
    public static final int TOTAL_CAP = 1_000;

    /** What an officer's queue shows when no status is asked for: the dossiers still waiting for someone. */
    public static final Set<DossierStatus> OPEN = EnumSet.of(DossierStatus.SUBMITTED, DossierStatus.AWAITING_PAYMENT,
            DossierStatus.RECEIVED, DossierStatus.PROCESSING, DossierStatus.SUPPLEMENT_REQUESTED,
            DossierStatus.WITHDRAWAL_REQUESTED, DossierStatus.RESOLVED);

    /** Every status an agency's staff may see (drafts belong to the applicant until submitted). */
    public static final Set<DossierStatus> VISIBLE_TO_AGENCY = EnumSet.complementOf(EnumSet.of(DossierStatus.DRAFT));

    /** Sort keys of the API → column; each has an index (agency_code, status, column, id). */
    private static final Map<String, String> COLUMNS = Map.of("dueAt", "due_at", "submittedAt", "submitted_at",
            "createdAt", "created_at");

    @Inject
    EntityManager em;

    /**
     * One page of the agency's dossiers.
     *
     * @param statuses the statuses asked for, already restricted to what the caller may see; empty → an empty page
     * @param sort     a key of {@link DossierService#sorts()}, e.g. {@code dueAt} or {@code -submittedAt}
     * @param assignee the officer whose assigned dossiers are asked for, or null
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<DossierSummary> page(String agencyCode, Set<DossierStatus> statuses, DossierService.ListFilter filter,
                                     String sort, String assignee, PageRequest page) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("agency", agencyCode);
        String conditions = conditions(filter, assignee, params);
        String order = order(sort);
        int reach = page.offset() + page.size();
        List<String> branches = new ArrayList<>();
        List<String> countBranches = new ArrayList<>();
        String column = column(sort);
        for (DossierStatus status : statuses) {
            String overdue = overdueCondition(status, filter.overdue());
            if (overdue == null) {
                continue; // this status can never be "overdue now"
            }
            String where = " from dossier where agency_code = :agency and status = '" + status.name() + "'" + overdue + conditions;
            branches.add("(select id, " + column + where + " order by " + order + " limit " + reach + ")");
            countBranches.add("(select 1 as one" + where + ")");
        }
        if (branches.isEmpty()) {
            return new Page<>(List.of(), page.page(), page.size(), 0);
        }
        // the branches read (id, sort column) only — index-only scans, so the rows skipped by the offset cost an index
        // entry each, not a row fetch; the page's own rows are then fetched by primary key
        Query query = em.createNativeQuery("select d.* from dossier d join (select id, " + column + " from ("
                + String.join(" union all ", branches) + ") u order by " + order + " offset " + page.offset() + " limit "
                + page.size() + ") p on p.id = d.id order by " + order("p.", sort), Dossier.class);
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Dossier> rows = query.getResultList();
        List<DossierSummary> items = rows.stream().map(DossierService::summary).toList();
        long total;
        if (items.size() < page.size() && (!items.isEmpty() || page.page() == 0)) {
            total = (long) page.offset() + items.size(); // the last page tells the total without a count
        } else {
            int cap = Math.max(TOTAL_CAP, reach);
            Query count = em.createNativeQuery("select count(*) from (select one from (" + String.join(" union all ", countBranches)
                    + ") u limit " + (cap + 1) + ") c");
            params.forEach(count::setParameter);
            total = ((Number) count.getSingleResult()).longValue();
        }
        return new Page<>(items, page.page(), page.size(), total);
    }

    /**
     * "Overdue" is derived: the agency's clock runs (received, processing, withdrawal requested) and the due time has
     * passed (the flag set by the overdue job). A dossier returned late keeps its flag for the record but is not
     * overdue now. Null: the status cannot match.
     */
    private static String overdueCondition(DossierStatus status, Boolean overdue) {
        if (overdue == null) {
            return "";
        }
        if (status.isClockRunning()) {
            return overdue ? " and overdue" : " and not overdue";
        }
        return overdue ? null : "";
    }

    private static String conditions(DossierService.ListFilter filter, String assignee, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder();
        if (filter.procedureCode() != null) {
            sql.append(" and procedure_code = :procedure");
            params.put("procedure", filter.procedureCode());
        }
        if (filter.channel() != null) {
            sql.append(" and channel = :channel");
            params.put("channel", filter.channel().name());
        }
        if (filter.dueAfter() != null) {
            sql.append(" and due_at >= :dueAfter");
            params.put("dueAfter", filter.dueAfter());
        }
        if (filter.dueBefore() != null) {
            sql.append(" and due_at < :dueBefore");
            params.put("dueBefore", filter.dueBefore());
        }
        if (assignee != null) {
            sql.append(" and step_assignee_id = :assignee");
            params.put("assignee", assignee);
        }
        return sql.toString();
    }

    private static String column(String sort) {
        String column = COLUMNS.get(sort.startsWith("-") ? sort.substring(1) : sort);
        if (column == null) {
            throw new IllegalArgumentException("no index for sort " + sort);
        }
        return column;
    }

    static String order(String sort) {
        return order("", sort);
    }

    /** Ascending: nulls last; descending: the exact reverse (nulls first), so one index serves both directions. */
    static String order(String alias, String sort) {
        String column = alias + column(sort);
        return sort.startsWith("-") ? column + " desc nulls first, " + alias + "id desc"
                : column + " asc nulls last, " + alias + "id asc";
    }
}
