package vn.motcua.contracts.events;

/**
 * CloudEvents {@code type} values: {@code vn.motcua.<service>.<fact>.v<version>}. A breaking payload change gets a
 * new version; consumers ignore types they do not know.
 */
public final class EventTypes {
    public static final String DOSSIER_DRAFT_CREATED = "vn.motcua.dossier.draft-created.v1";

    private EventTypes() {
    }
}
