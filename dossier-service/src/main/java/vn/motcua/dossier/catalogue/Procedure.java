package vn.motcua.dossier.catalogue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import vn.motcua.contracts.common.FeeLine;
import vn.motcua.dossier.common.JsonColumns;
import vn.motcua.dossier.dossier.ReturnMethod;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** A thủ tục hành chính of the catalogue. */
@Entity
@Table(name = "admin_procedure")
public class Procedure {

    @Id
    public String code;
    public String name;
    @Column(name = "search_text")
    public String searchText;
    public String sector;
    @Column(name = "agency_level")
    public String agencyLevel;
    @Column(name = "agency_code")
    public String agencyCode;
    @Column(name = "online_level")
    public String onlineLevel;
    @Column(name = "processing_days")
    public int processingDays;
    @Column(name = "in_person_required")
    public boolean inPersonRequired;
    @Column(name = "return_methods")
    public String returnMethods;
    @Column(name = "fee_lines")
    public String feeLines;
    @Column(name = "required_documents")
    public String requiredDocuments;
    public boolean active;
    @Version
    public long version;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public List<FeeLine> fees() {
        return JsonColumns.fees(feeLines);
    }

    public long feeTotal() {
        return fees().stream().mapToLong(FeeLine::amountVnd).sum();
    }

    public List<RequiredDocument> documents() {
        return JsonColumns.documents(requiredDocuments);
    }

    public List<ReturnMethod> allowedReturnMethods() {
        return Arrays.stream(returnMethods.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(ReturnMethod::valueOf).toList();
    }
}
