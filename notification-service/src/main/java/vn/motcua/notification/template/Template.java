package vn.motcua.notification.template;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.Optional;

/** The current text of one template in one language. {@code version} is both the template version and the lock. */
@Entity
@Table(name = "notification_template")
public class Template extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String code;
    public String language;
    @Column(name = "event_type")
    public String eventType;
    public String title;
    public String body;
    @Column(name = "sms_text")
    public String smsText;
    @Version
    public int version;
    @Column(name = "updated_by")
    public String updatedBy;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public static Optional<Template> byCode(String code, String language) {
        return find("code = ?1 and language = ?2", code, language).firstResultOptional();
    }
}
