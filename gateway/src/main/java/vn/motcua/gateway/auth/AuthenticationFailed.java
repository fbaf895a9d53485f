package vn.motcua.gateway.auth;

/** A bearer token that was refused; {@code code} is the stable problem code returned with the 401. */
public final class AuthenticationFailed extends RuntimeException {

    public static final String INVALID = "TOKEN_INVALID";
    public static final String EXPIRED = "TOKEN_EXPIRED";

    private final String code;

    public AuthenticationFailed(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
