package vn.motcua.delivery.order;

import vn.motcua.contracts.common.Applicant;
import vn.motcua.contracts.common.PostalAddress;

/** What a dossier event tells us about a shipment to create. */
public record NewOrder(DeliveryKind kind, String dossierId, String dossierCode, String procedureCode,
                       String procedureName, String agencyCode, String channel, Applicant applicant,
                       PostalAddress applicantAddress) {
}
