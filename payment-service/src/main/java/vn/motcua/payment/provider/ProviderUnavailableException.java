package vn.motcua.payment.provider;

import vn.motcua.web.problem.ApiException;

/** 502: the provider did not answer in time or answered something we cannot trust. Nothing was changed. */
public class ProviderUnavailableException extends ApiException {
    public ProviderUnavailableException(String provider, String detail) {
        super(502, "PROVIDER_UNAVAILABLE", "Payment provider unavailable", provider + ": " + detail);
    }
}
