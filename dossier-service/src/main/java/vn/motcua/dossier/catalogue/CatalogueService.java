package vn.motcua.dossier.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.contracts.common.FeeLine;
import vn.motcua.dossier.common.JsonColumns;
import vn.motcua.dossier.common.Texts;
import vn.motcua.dossier.catalogue.CatalogueViews.AdminUnitView;
import vn.motcua.dossier.catalogue.CatalogueViews.AgencyView;
import vn.motcua.dossier.catalogue.CatalogueViews.ProcedureRequest;
import vn.motcua.dossier.catalogue.CatalogueViews.ProcedureView;
import vn.motcua.dossier.dossier.ReturnMethod;
import vn.motcua.web.problem.CommonProblems;
import vn.motcua.web.request.Page;
import vn.motcua.web.request.PageRequest;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The procedure catalogue, agencies and administrative units. */
@ApplicationScoped
@Transactional
public class CatalogueService {

    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ProcedureView> search(String text, String sector, String agencyCode, CatalogueViews.OnlineLevel level,
                                      boolean includeInactive, PageRequest page) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (!includeInactive) {
            where.append(" and p.active = true");
        }
        if (text != null && !text.isBlank()) {
            // every word must appear, diacritics or not: "dang ky khai sinh" and "khai sinh đăng ký" both find 1.001193
            String[] words = Texts.searchable(text).split(" ");
            for (int i = 0; i < words.length && i < 10; i++) {
                where.append(" and p.searchText like :w").append(i).append(" escape '\\'");
                params.put("w" + i, "%" + Texts.likeEscaped(words[i]) + "%");
            }
        }
        if (sector != null && !sector.isBlank()) {
            where.append(" and p.sector = :sector");
            params.put("sector", sector);
        }
        if (agencyCode != null && !agencyCode.isBlank()) {
            where.append(" and p.agencyCode = :agency");
            params.put("agency", agencyCode);
        }
        if (level != null) {
            where.append(" and p.onlineLevel = :level");
            params.put("level", level.name());
        }
        TypedQuery<Procedure> query = em.createQuery("select p from Procedure p" + where + " order by p.code", Procedure.class);
        TypedQuery<Long> count = em.createQuery("select count(p) from Procedure p" + where, Long.class);
        params.forEach((k, v) -> {
            query.setParameter(k, v);
            count.setParameter(k, v);
        });
        List<Procedure> rows = query.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        Map<String, String> agencyNames = agencyNames(rows.stream().map(p -> p.agencyCode).distinct().toList());
        return new Page<>(rows.stream().map(p -> view(p, agencyNames.get(p.agencyCode))).toList(), page.page(),
                page.size(), count.getSingleResult());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ProcedureView> procedure(String code) {
        return Optional.ofNullable(em.find(Procedure.class, code))
                .map(p -> view(p, Optional.ofNullable(em.find(Agency.class, p.agencyCode)).map(a -> a.name).orElse(null)));
    }

    /** The procedure a new dossier is filed for: it must exist and be active. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Procedure activeProcedure(String code) {
        Procedure procedure = code == null ? null : em.find(Procedure.class, code);
        if (procedure == null || !procedure.active) {
            throw new CatalogueProblems.UnknownProcedure(code);
        }
        return procedure;
    }

    public ProcedureView create(@NotNull @Valid ProcedureRequest request) {
        if (em.find(Procedure.class, request.code()) != null) {
            throw new CatalogueProblems.ProcedureExists(request.code());
        }
        Procedure procedure = new Procedure();
        procedure.code = request.code();
        procedure.active = true;
        apply(procedure, request);
        em.persist(procedure);
        em.flush();
        return procedure(procedure.code).orElseThrow();
    }

    public Optional<ProcedureView> update(String code, @NotNull @Valid ProcedureRequest request) {
        Procedure procedure = em.find(Procedure.class, code);
        if (procedure == null) {
            return Optional.empty();
        }
        if (!code.equals(request.code())) {
            throw new CommonProblems.InvalidInput("code", "must equal the code in the path (" + code + ")");
        }
        if (request.version() != null && request.version() != procedure.version) {
            throw new CommonProblems.VersionConflict("Procedure " + code, request.version(), procedure.version);
        }
        apply(procedure, request);
        em.flush();
        return procedure(code);
    }

    /** Withdrawn procedures stay (old dossiers refer to them) but accept no new dossiers. */
    public Optional<ProcedureView> deactivate(String code) {
        Procedure procedure = em.find(Procedure.class, code);
        if (procedure == null) {
            return Optional.empty();
        }
        procedure.active = false;
        procedure.updatedAt = OffsetDateTime.now(clock);
        em.flush();
        return procedure(code);
    }

    private void apply(Procedure procedure, ProcedureRequest request) {
        if (em.find(Agency.class, request.agencyCode()) == null) {
            throw new CatalogueProblems.UnknownAgency(request.agencyCode());
        }
        long distinctDocs = request.requiredDocuments().stream().map(RequiredDocument::code).distinct().count();
        if (distinctDocs != request.requiredDocuments().size()) {
            throw new CommonProblems.InvalidInput("requiredDocuments", "document codes must be unique");
        }
        procedure.name = request.name().trim();
        procedure.sector = request.sector().trim();
        procedure.searchText = Texts.searchable(procedure.name + " " + procedure.sector + " " + procedure.code);
        procedure.agencyLevel = request.agencyLevel().name();
        procedure.agencyCode = request.agencyCode();
        procedure.onlineLevel = request.onlineLevel().name();
        procedure.processingDays = request.processingDays();
        procedure.inPersonRequired = request.inPersonRequired();
        procedure.returnMethods = request.returnMethods().stream().distinct().map(Enum::name).collect(Collectors.joining(","));
        procedure.feeLines = JsonColumns.write(request.fees().stream()
                .map(f -> new FeeLine(f.code(), f.name(), f.amountVnd())).toList());
        procedure.requiredDocuments = JsonColumns.write(request.requiredDocuments());
        procedure.updatedAt = OffsetDateTime.now(clock);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AgencyView> agencies(String level, String parentCode) {
        StringBuilder jpql = new StringBuilder("select a from Agency a where 1 = 1");
        if (level != null) {
            jpql.append(" and a.level = :level");
        }
        if (parentCode != null) {
            jpql.append(" and a.parentCode = :parent");
        }
        TypedQuery<Agency> query = em.createQuery(jpql + " order by a.code", Agency.class);
        if (level != null) {
            query.setParameter("level", level);
        }
        if (parentCode != null) {
            query.setParameter("parent", parentCode);
        }
        return query.setMaxResults(500).getResultList().stream().map(CatalogueService::view).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AgencyView> agency(String code) {
        return Optional.ofNullable(em.find(Agency.class, code)).map(CatalogueService::view);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Agency> agencyEntity(String code) {
        return Optional.ofNullable(em.find(Agency.class, code));
    }

    /** Units valid on {@code on} (all dates when null), by level and parent. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AdminUnitView> adminUnits(String level, String parentCode, LocalDate on) {
        StringBuilder jpql = new StringBuilder("select u from AdminUnit u where 1 = 1");
        if (level != null) {
            jpql.append(" and u.level = :level");
        }
        if (parentCode != null) {
            jpql.append(" and u.parentCode = :parent");
        }
        if (on != null) {
            jpql.append(" and u.validFrom <= :on and (u.validTo is null or u.validTo >= :on)");
        }
        TypedQuery<AdminUnit> query = em.createQuery(jpql + " order by u.code", AdminUnit.class);
        if (level != null) {
            query.setParameter("level", level);
        }
        if (parentCode != null) {
            query.setParameter("parent", parentCode);
        }
        if (on != null) {
            query.setParameter("on", on);
        }
        LocalDate today = LocalDate.now(clock.withZone(WorkingCalendar.ZONE));
        return query.setMaxResults(1000).getResultList().stream().map(u -> view(u, today)).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AdminUnit> adminUnit(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(em.find(AdminUnit.class, code));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AdminUnitView> adminUnitView(String code) {
        LocalDate today = LocalDate.now(clock.withZone(WorkingCalendar.ZONE));
        return adminUnit(code).map(u -> view(u, today));
    }

    private Map<String, String> agencyNames(List<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        Map<String, String> names = new HashMap<>();
        em.createQuery("select a from Agency a where a.code in :codes", Agency.class).setParameter("codes", codes)
                .getResultList().forEach(a -> names.put(a.code, a.name));
        return names;
    }

    static ProcedureView view(Procedure p, String agencyName) {
        List<ReturnMethod> methods = new ArrayList<>(p.allowedReturnMethods());
        return new ProcedureView(p.code, p.name, p.sector, p.agencyLevel, p.agencyCode, agencyName, p.onlineLevel,
                p.processingDays, p.inPersonRequired, methods, p.fees(), p.feeTotal(), p.documents(), p.active, p.version);
    }

    static AgencyView view(Agency a) {
        return new AgencyView(a.code, a.name, a.level, a.parentCode, a.adminUnitCode);
    }

    static AdminUnitView view(AdminUnit u, LocalDate today) {
        return new AdminUnitView(u.code, u.level, u.name, u.parentCode, u.validFrom, u.validTo, u.validOn(today));
    }
}
