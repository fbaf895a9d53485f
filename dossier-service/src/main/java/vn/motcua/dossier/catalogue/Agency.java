package vn.motcua.dossier.catalogue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A state agency that receives and processes dossiers. */
@Entity
@Table(name = "agency")
public class Agency {
    @Id
    public String code;
    public String name;
    public String level;
    @Column(name = "parent_code")
    public String parentCode;
    @Column(name = "admin_unit_code")
    public String adminUnitCode;
}
