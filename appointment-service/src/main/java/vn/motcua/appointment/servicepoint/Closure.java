package vn.motcua.appointment.servicepoint;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A local closure of a service point, on top of public holidays. */
@Entity
@Table(name = "closure")
public class Closure extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "service_point_id")
    public UUID servicePointId;
    @Column(name = "first_day")
    public LocalDate firstDay;
    @Column(name = "last_day")
    public LocalDate lastDay;
    public String reason;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    public static List<Closure> of(UUID servicePointId) {
        return list("servicePointId = ?1 order by firstDay", servicePointId);
    }

    public OpeningSchedule.Closure toRule() {
        return new OpeningSchedule.Closure(firstDay, lastDay, reason);
    }
}
