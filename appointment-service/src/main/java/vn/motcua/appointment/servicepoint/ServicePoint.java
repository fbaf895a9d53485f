package vn.motcua.appointment.servicepoint;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A one-stop-shop counter / public administration service centre where citizens come in person. */
@Entity
@Table(name = "service_point")
public class ServicePoint extends PanacheEntityBase {

    @Id
    public UUID id;
    public String code;
    public String name;
    @Column(name = "agency_code")
    public String agencyCode;
    @Column(name = "province_code")
    public String provinceCode;
    @Column(name = "commune_code")
    public String communeCode;
    public String address;
    @Version
    public long version;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @ElementCollection
    @CollectionTable(name = "counter", joinColumns = @JoinColumn(name = "service_point_id"))
    public List<Counter> counters = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "served_procedure", joinColumns = @JoinColumn(name = "service_point_id"))
    public List<ServedProcedure> procedures = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "opening_hours", joinColumns = @JoinColumn(name = "service_point_id"))
    public List<Hours> openingHours = new ArrayList<>();

    public static Optional<ServicePoint> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    public Optional<ServedProcedure> procedure(String procedureCode) {
        return procedures.stream().filter(p -> p.procedureCode.equals(procedureCode)).findFirst();
    }

    public long countersInGroup(String group) {
        return counters.stream().filter(c -> c.counterGroup.equals(group)).count();
    }

    public Optional<Counter> counter(String counterCode) {
        return counters.stream().filter(c -> c.code.equals(counterCode)).findFirst();
    }

    public Map<DayOfWeek, OpeningSchedule.DayHours> week() {
        Map<DayOfWeek, OpeningSchedule.DayHours> week = new EnumMap<>(DayOfWeek.class);
        for (Hours hours : openingHours) {
            DayOfWeek day = DayOfWeek.of(hours.dayOfWeek);
            week.put(day, new OpeningSchedule.DayHours(day, hours.opens, hours.closes, hours.breakStarts, hours.breakEnds));
        }
        return week;
    }

    @Embeddable
    public static class Counter {
        public String code;
        public String name;
        @Column(name = "counter_group")
        public String counterGroup;
    }

    @Embeddable
    public static class ServedProcedure {
        @Column(name = "procedure_code")
        public String procedureCode;
        @Column(name = "procedure_name")
        public String procedureName;
        @Column(name = "slot_minutes")
        public int slotMinutes;
        @Column(name = "public_quota")
        public int publicQuota;
        @Column(name = "internal_quota")
        public int internalQuota;
        @Column(name = "counter_group")
        public String counterGroup;
    }

    @Embeddable
    public static class Hours {
        @Column(name = "day_of_week")
        public short dayOfWeek;
        public LocalTime opens;
        public LocalTime closes;
        @Column(name = "break_starts")
        public LocalTime breakStarts;
        @Column(name = "break_ends")
        public LocalTime breakEnds;
    }
}
