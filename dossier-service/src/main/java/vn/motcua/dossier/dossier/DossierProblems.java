package vn.motcua.dossier.dossier;

import vn.motcua.web.problem.ApiException;
import vn.motcua.web.problem.Problem;

import java.util.List;

/** Errors of the dossier lifecycle, one type per error with its stable code. */
public final class DossierProblems {

    private DossierProblems() {
    }

    public static class DossierNotFound extends ApiException {
        public DossierNotFound(String id) {
            super(404, "DOSSIER_NOT_FOUND", "Not found", "Dossier " + id + " does not exist or is not visible to you");
        }
    }

    /** 409 naming the current state: the action is not one the dossier's lifecycle allows now. */
    public static class IllegalTransition extends ApiException {
        public IllegalTransition(Dossier dossier, String action, DossierStatus target) {
            super(409, "ILLEGAL_TRANSITION", "Not allowed in the current state",
                    "Dossier " + (dossier.code != null ? dossier.code : dossier.id) + " is " + dossier.status
                            + "; '" + action + "' would move it to " + target + ", which is not allowed from "
                            + dossier.status + " (allowed next: " + dossier.status.next() + ")");
        }

        public IllegalTransition(Dossier dossier, String action, String why) {
            super(409, "ILLEGAL_TRANSITION", "Not allowed in the current state",
                    "Dossier " + (dossier.code != null ? dossier.code : dossier.id) + " is " + dossier.status + "; '"
                            + action + "' " + why);
        }
    }

    public static class MissingDocuments extends ApiException {
        public MissingDocuments(List<Problem.Violation> missing) {
            super(422, "MISSING_DOCUMENTS", "Mandatory documents missing",
                    missing.size() + " mandatory document(s) not uploaded", missing);
        }
    }

    public static class ReturnMethodNotAllowed extends ApiException {
        public ReturnMethodNotAllowed(ReturnMethod method, String procedureCode, List<ReturnMethod> allowed) {
            super(422, "RETURN_METHOD_NOT_ALLOWED", "Return method not offered",
                    "Procedure " + procedureCode + " returns results by " + allowed + ", not " + method,
                    List.of(new Problem.Violation("returnMethod", "must be one of " + allowed)));
        }
    }

    public static class AddressRequired extends ApiException {
        public AddressRequired(String why) {
            super(422, "DELIVERY_ADDRESS_REQUIRED", "Delivery address required", why,
                    List.of(new Problem.Violation("deliveryAddress", "required")));
        }
    }

    public static class InvalidAddress extends ApiException {
        public InvalidAddress(String field, String message) {
            super(422, "INVALID_DELIVERY_ADDRESS", "Delivery address not valid", field + ": " + message,
                    List.of(new Problem.Violation(field, message)));
        }
    }

    public static class DocumentTypeNotAccepted extends ApiException {
        public DocumentTypeNotAccepted(String field, String message) {
            super(422, "DOCUMENT_TYPE_NOT_ACCEPTED", "Document type not accepted", field + ": " + message,
                    List.of(new Problem.Violation(field, message)));
        }
    }

    public static class DocumentTooLarge extends ApiException {
        public DocumentTooLarge(String code, long size, long max, String field) {
            super(413, "DOCUMENT_TOO_LARGE", "Document too large",
                    "Document " + code + " has " + (size > max + 1 ? size + " bytes" : "more than " + max + " bytes")
                            + "; at most " + max + " are accepted",
                    List.of(new Problem.Violation(field, "at most " + max + " bytes")));
        }
    }

    public static class PortalCodeExists extends ApiException {
        public PortalCodeExists(String code) {
            super(409, "PORTAL_DOSSIER_EXISTS", "Portal dossier exists",
                    "A dossier with portal code " + code + " was forwarded before");
        }
    }

    public static class NotYours extends ApiException {
        public NotYours(String detail) {
            super(403, "NOT_YOUR_TASK", "Not allowed for you", detail);
        }
    }
}
