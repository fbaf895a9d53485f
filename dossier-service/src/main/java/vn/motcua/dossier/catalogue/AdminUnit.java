package vn.motcua.dossier.catalogue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;

/** A province, commune, or (until 30 June 2025) district, valid between two dates. */
@Entity
@Table(name = "admin_unit")
public class AdminUnit {
    @Id
    public String code;
    public String level;
    public String name;
    @Column(name = "parent_code")
    public String parentCode;
    @Column(name = "valid_from")
    public LocalDate validFrom;
    @Column(name = "valid_to")
    public LocalDate validTo;

    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }
}
