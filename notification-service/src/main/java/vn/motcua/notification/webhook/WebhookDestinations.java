package vn.motcua.notification.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.motcua.notification.config.NotificationConfig;
import vn.motcua.web.problem.ApiException;
import vn.motcua.web.problem.CommonProblems;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Decides where a webhook may go. A subscriber chooses the URL, so without this a webhook is a way into the internal
 * network (the services' own ports, the database, the cloud metadata service). The URL must be https (plain http
 * only where private destinations are allowed, i.e. dev and test) without credentials; its host is resolved and
 * every address it resolves to must be public ({@link ForbiddenAddresses}). The check runs at registration and again
 * before every delivery, and the delivery connects to the address vetted here, never resolving the name a second
 * time: a DNS answer that changes in between (rebinding) cannot redirect it.
 */
@ApplicationScoped
public class WebhookDestinations {

    /** Where one delivery goes: the URL's host (Host header, TLS SNI and certificate check) and the vetted address. */
    public record Destination(String host, int port, boolean tls, String requestUri, InetAddress address) {
    }

    /** 422: the URL is well-formed but points somewhere a webhook may not go. */
    public static class DestinationForbidden extends ApiException {
        public DestinationForbidden(String detail) {
            super(422, "WEBHOOK_DESTINATION_FORBIDDEN", "Webhook destination not allowed", detail);
        }
    }

    @Inject
    NotificationConfig config;
    @Inject
    HostResolver resolver;

    /** Checks a URL given by an admin: 400 when malformed, 422 {@code WEBHOOK_DESTINATION_FORBIDDEN} when it leads inside. */
    public void checkRegistrable(String url) {
        resolve(parse(url));
    }

    /** Vets the URL now and pins the address to connect to. */
    public Destination forDelivery(String url) {
        return resolve(parse(url));
    }

    private record Target(URI uri, String host, int port, boolean tls) {
    }

    private Target parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException | NullPointerException e) {
            throw new CommonProblems.InvalidInput("url", "is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        boolean privateAllowed = config.webhook().allowPrivateDestinations();
        if (!(scheme.equals("https") || (privateAllowed && scheme.equals("http"))) || uri.getHost() == null || uri.isOpaque()) {
            throw new CommonProblems.InvalidInput("url", privateAllowed ? "must be an absolute http or https URL"
                    : "must be an absolute https URL");
        }
        if (uri.getRawUserInfo() != null) {
            throw new CommonProblems.InvalidInput("url", "must not carry credentials (user:password@)");
        }
        if (uri.getRawFragment() != null) {
            throw new CommonProblems.InvalidInput("url", "must not have a fragment");
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        boolean tls = scheme.equals("https");
        int port = uri.getPort() == -1 ? (tls ? 443 : 80) : uri.getPort();
        return new Target(uri, host, port, tls);
    }

    private Destination resolve(Target target) {
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(target.host());
        } catch (UnknownHostException e) {
            throw new DestinationForbidden("host " + target.host() + " does not resolve");
        }
        if (addresses.isEmpty()) {
            throw new DestinationForbidden("host " + target.host() + " does not resolve");
        }
        if (!config.webhook().allowPrivateDestinations()) {
            // every address, not only the first: a name with one public and one private record is refused
            for (InetAddress address : addresses) {
                Optional<String> reason = ForbiddenAddresses.reason(address);
                if (reason.isPresent()) {
                    throw new DestinationForbidden("host " + target.host() + " resolves to " + address.getHostAddress()
                            + ", a " + reason.get() + " address; webhooks only go to public addresses");
                }
            }
        }
        String path = target.uri().getRawPath() == null || target.uri().getRawPath().isEmpty() ? "/" : target.uri().getRawPath();
        String requestUri = target.uri().getRawQuery() == null ? path : path + "?" + target.uri().getRawQuery();
        return new Destination(target.host(), target.port(), target.tls(), requestUri, addresses.get(0));
    }
}
