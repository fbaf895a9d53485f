package vn.motcua.notification.template;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.notification.rules.NotificationRules;
import vn.motcua.notification.rules.NotificationRules.TemplateSpec;
import vn.motcua.web.problem.CommonProblems;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Templates: rendering for the rules, and the admin editor (validate, save a new version, preview). */
@ApplicationScoped
@Transactional
public class TemplateService {

    public static final List<String> LANGUAGES = List.of("vi", "en");
    static final String DEFAULTS = "/templates/defaults.json";

    @Inject
    EntityManager entityManager;
    @Inject
    ObjectMapper json;

    /** A rendered template, with the version used (recorded on the message). */
    public record Rendered(String code, String language, int version, String title, String body, String smsText) {
    }

    public record DefaultText(String code, String language, String title, String body, String sms) {
    }

    /** The default texts (vi and en for every template code), inserted at start when missing. */
    void seed(@Observes StartupEvent startup) {
        for (DefaultText text : defaults()) {
            TemplateSpec spec = NotificationRules.template(text.code())
                    .orElseThrow(() -> new IllegalStateException("default template for unknown code " + text.code()));
            validate(spec, text.title(), text.body(), text.sms());
            int inserted = entityManager.createNativeQuery("""
                            insert into notification_template (code, language, event_type, title, body, sms_text, version, updated_by)
                            values (?1, ?2, ?3, ?4, ?5, ?6, 1, 'system') on conflict (code, language) do nothing""")
                    .setParameter(1, text.code()).setParameter(2, text.language()).setParameter(3, spec.eventType())
                    .setParameter(4, text.title()).setParameter(5, text.body()).setParameter(6, text.sms())
                    .executeUpdate();
            if (inserted == 1) {
                recordRevision(text.code(), text.language(), 1, text.title(), text.body(), text.sms(), "system");
            }
        }
    }

    public static List<DefaultText> defaults() {
        try (InputStream in = TemplateService.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS + " is missing from the classpath");
            }
            return CloudEventCodec.mapper().readValue(in, new TypeReference<List<DefaultText>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Renders {@code code} in the recipient's language, falling back to Vietnamese.
     *
     * @throws TemplateText.MissingValue when a field has no value
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Rendered render(String code, String language, Map<String, String> fields) {
        Template template = Template.byCode(code, language)
                .or(() -> Template.byCode(code, "vi"))
                .orElseThrow(() -> new IllegalStateException("no template " + code));
        return new Rendered(code, template.language, template.version,
                TemplateText.parse(template.title).render(fields),
                TemplateText.parse(template.body).render(fields),
                TemplateText.parse(template.smsText).render(fields));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Template> list(Optional<String> language) {
        return language.map(l -> Template.<Template>list("language = ?1 order by code", l))
                .orElseGet(() -> Template.list("order by code, language"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Template get(String code, String language) {
        return Template.byCode(code, language).orElseThrow(() -> new CommonProblems.NotFound("Template", code + "/" + language));
    }

    /** Saves a new version; 409 when {@code expectedVersion} is stale, 422 for unknown or malformed fields. */
    public Template save(String code, String language, String title, String body, String sms, int expectedVersion, String actor) {
        Template template = get(code, language);
        TemplateSpec spec = NotificationRules.template(code).orElseThrow();
        validate(spec, title, body, sms);
        if (template.version != expectedVersion) {
            throw new CommonProblems.VersionConflict("Template " + code + "/" + language, expectedVersion, template.version);
        }
        template.title = title;
        template.body = body;
        template.smsText = sms;
        template.updatedBy = actor;
        template.updatedAt = OffsetDateTime.now(CloudEventCodec.ZONE);
        entityManager.flush(); // increments the version
        recordRevision(code, language, template.version, title, body, sms, actor);
        return template;
    }

    /** Renders the stored text, or a proposed one, with sample values (overridable): what a recipient would read. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Rendered preview(String code, String language, String title, String body, String sms, Map<String, String> values) {
        Template template = get(code, language);
        TemplateSpec spec = NotificationRules.template(code).orElseThrow();
        String t = title != null ? title : template.title;
        String b = body != null ? body : template.body;
        String s = sms != null ? sms : template.smsText;
        validate(spec, t, b, s);
        Map<String, String> fields = new LinkedHashMap<>(SampleValues.forFields(spec.fields(), language));
        if (values != null) {
            fields.putAll(values);
        }
        try {
            return new Rendered(code, language, template.version, TemplateText.parse(t).render(fields),
                    TemplateText.parse(b).render(fields), TemplateText.parse(s).render(fields));
        } catch (TemplateText.MissingValue e) {
            throw new TemplateProblems.MissingValue(e.field());
        }
    }

    static void validate(TemplateSpec spec, String title, String body, String sms) {
        check(spec, "title", title);
        check(spec, "body", body);
        check(spec, "smsText", sms);
    }

    private static void check(TemplateSpec spec, String part, String text) {
        if (text == null || text.isBlank()) {
            throw new CommonProblems.InvalidInput(part, "must not be blank");
        }
        TemplateText parsed;
        try {
            parsed = TemplateText.parse(text);
        } catch (TemplateText.Malformed e) {
            throw new TemplateProblems.Malformed(part, e.getMessage());
        }
        Set<String> unknown = new LinkedHashSet<>(parsed.fields());
        unknown.removeAll(spec.fields());
        if (!unknown.isEmpty()) {
            throw new TemplateProblems.UnknownField(part, unknown, spec.fields());
        }
    }

    private void recordRevision(String code, String language, int version, String title, String body, String sms, String actor) {
        entityManager.createNativeQuery("""
                        insert into notification_template_revision (code, language, version, title, body, sms_text, saved_by)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict do nothing""")
                .setParameter(1, code).setParameter(2, language).setParameter(3, version).setParameter(4, title)
                .setParameter(5, body).setParameter(6, sms).setParameter(7, actor).executeUpdate();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<Object[]> revisions(String code, String language) {
        get(code, language);
        return entityManager.createNativeQuery("""
                        select version, title, body, sms_text, saved_by, saved_at from notification_template_revision
                        where code = ?1 and language = ?2 order by version desc""")
                .setParameter(1, code).setParameter(2, language).getResultList();
    }
}
