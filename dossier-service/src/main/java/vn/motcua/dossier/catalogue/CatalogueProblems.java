package vn.motcua.dossier.catalogue;

import vn.motcua.web.problem.ApiException;

/** Errors of the catalogue. */
public final class CatalogueProblems {

    private CatalogueProblems() {
    }

    /** 404 for an unknown procedure code (GET) . */
    public static class ProcedureNotFound extends ApiException {
        public ProcedureNotFound(String code) {
            super(404, "PROCEDURE_NOT_FOUND", "Unknown procedure", "Procedure " + code + " is not in the catalogue");
        }
    }

    /** 422 when a dossier names a procedure that does not exist or is withdrawn from the catalogue. */
    public static class UnknownProcedure extends ApiException {
        public UnknownProcedure(String code) {
            super(422, "UNKNOWN_PROCEDURE", "Unknown procedure",
                    "Procedure " + code + " is not in the catalogue or no longer accepts dossiers");
        }
    }

    public static class UnknownAgency extends ApiException {
        public UnknownAgency(String code) {
            super(422, "UNKNOWN_AGENCY", "Unknown agency", "Agency " + code + " does not exist");
        }
    }

    public static class ProcedureExists extends ApiException {
        public ProcedureExists(String code) {
            super(409, "PROCEDURE_EXISTS", "Procedure exists", "Procedure " + code + " is already in the catalogue");
        }
    }
}
