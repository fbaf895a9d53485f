package vn.motcua.notification.preference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/** A citizen's channel choice for one category. No row means every channel is on. */
@Entity
@Table(name = "notification_preference")
@IdClass(Preference.Key.class)
public class Preference extends PanacheEntityBase {

    @Id
    @Column(name = "citizen_id")
    public String citizenId;
    @Id
    public String category;
    public boolean email;
    public boolean sms;
    @Column(name = "in_app")
    public boolean inApp;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public static class Key implements Serializable {
        public String citizenId;
        public String category;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(citizenId, k.citizenId) && Objects.equals(category, k.category);
        }

        @Override
        public int hashCode() {
            return Objects.hash(citizenId, category);
        }
    }
}
