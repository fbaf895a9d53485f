package vn.motcua.appointment.capacity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A capacity policy of a service point as decided (who, why, from when). */
@Entity
@Table(name = "capacity_policy")
public class CapacityPolicy extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "service_point_id")
    public UUID servicePointId;
    @Column(name = "procedure_code")
    public String procedureCode;
    @Column(name = "effective_from")
    public LocalDate effectiveFrom;
    @Column(name = "effective_to")
    public LocalDate effectiveTo;
    @Column(name = "seat_percent")
    public Integer seatPercent;
    @Column(name = "max_per_slot")
    public Integer maxPerSlot;
    public String reason;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    public static List<CapacityPolicy> of(UUID servicePointId) {
        return list("servicePointId = ?1 order by effectiveFrom", servicePointId);
    }

    public CapacityRule.Policy toRule() {
        return new CapacityRule.Policy(procedureCode, effectiveFrom, effectiveTo, seatPercent, maxPerSlot);
    }
}
