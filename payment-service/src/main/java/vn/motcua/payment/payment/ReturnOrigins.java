package vn.motcua.payment.payment;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The frontends a payer's browser may be sent back to, as origins (scheme, host, port). A checkout's {@code returnUrl}
 * is accepted only when its origin equals one of them exactly: a prefix test would let
 * {@code http://localhost.evil.example} or {@code http://localhost@evil.example} through, and our return page would
 * become an open redirect on the official domain. A configured entry's path, if any, is ignored.
 */
public final class ReturnOrigins {

    private record Origin(String scheme, String host, int port) {
    }

    private final Set<Origin> allowed;

    public ReturnOrigins(List<String> configured) {
        this.allowed = Set.copyOf(configured.stream().map(s -> origin(s.strip())
                .orElseThrow(() -> new IllegalArgumentException("allowed return origin '" + s + "' is not an http(s) origin")))
                .toList());
    }

    public boolean allows(String returnUrl) {
        return returnUrl != null && origin(returnUrl).filter(allowed::contains).isPresent();
    }

    private static java.util.Optional<Origin> origin(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return java.util.Optional.empty();
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        // an authority that Java cannot split into host and port (e.g. "a_b:x") has no host: refused
        if (!("http".equals(scheme) || "https".equals(scheme)) || uri.getHost() == null || uri.getRawUserInfo() != null
                || uri.isOpaque()) {
            return java.util.Optional.empty();
        }
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
        return java.util.Optional.of(new Origin(scheme, uri.getHost().toLowerCase(Locale.ROOT), port));
    }
}
