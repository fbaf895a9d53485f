package vn.motcua.payment.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import vn.motcua.web.problem.CommonProblems;

/** Finds the provider for a code. */
@ApplicationScoped
public class Providers {

    @Inject
    Instance<PaymentProvider> all;

    public PaymentProvider get(ProviderCode code) {
        return all.stream().filter(p -> p.code() == code && p.enabled()).findFirst()
                .orElseThrow(() -> new CommonProblems.RuleViolated("PROVIDER_DISABLED", "provider " + code + " is not enabled"));
    }
}
