package vn.motcua.appointment.suspension;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Tạm dừng tiếp nhận trực tiếp: in-person intake stopped for a scope and a period. */
@Entity
@Table(name = "intake_suspension")
public class IntakeSuspension extends PanacheEntityBase {

    public enum ScopeType { SERVICE_POINT, ADMIN_UNIT, PROCEDURE }

    @Id
    public UUID id;
    @Column(name = "scope_type")
    public String scopeType;
    @Column(name = "scope_codes")
    public String scopeCodes;
    @Column(name = "procedure_codes")
    public String procedureCodes;
    @Column(name = "starts_at")
    public OffsetDateTime startsAt;
    @Column(name = "ends_at")
    public OffsetDateTime endsAt;
    public String reason;
    @Column(name = "agency_code")
    public String agencyCode;
    @Column(name = "decided_by")
    public String decidedBy;
    public String status;
    @Column(name = "ended_at")
    public OffsetDateTime endedAt;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Version
    public long version;

    public List<String> scopeCodeList() {
        return split(scopeCodes);
    }

    public List<String> procedureCodeList() {
        return split(procedureCodes);
    }

    /** Empty list of procedures = every procedure. */
    public boolean coversProcedure(String procedureCode) {
        List<String> procedures = procedureCodeList();
        return procedures.isEmpty() || procedures.contains(procedureCode);
    }

    static List<String> split(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.stream(joined.split(",")).map(String::trim).toList();
    }
}
