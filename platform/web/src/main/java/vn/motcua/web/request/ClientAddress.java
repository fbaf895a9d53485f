package vn.motcua.web.request;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The address of the client behind the current request, for audit trails. The gateway works it out (the TCP peer,
 * or what a balancer it trusts reports) and sends it as {@value #HEADER}, dropping any a client sent. A service
 * believes that header only when the request's TCP peer is one of {@code motcua.web.trusted-gateways} (address
 * blocks of the gateway; loopback by default, the local stack): services verify the caller's token but have no
 * other proof that a request came through the gateway, so a client that could reach a service directly would
 * otherwise choose the address recorded against its actions. Anything else records the TCP peer itself; a
 * client's own {@code X-Forwarded-For} is never believed.
 */
@RequestScoped
public class ClientAddress {

    public static final String HEADER = "X-Motcua-Client-Ip";
    /** A dotted-quad IPv4 or an IPv6 literal (with a colon): never a host name, which would be looked up. */
    private static final Pattern IP_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f.]*:[0-9A-Fa-f:.]{1,44}");

    @Inject
    HttpServerRequest request;

    @ConfigProperty(name = "motcua.web.trusted-gateways", defaultValue = "127.0.0.1/32,::1/128")
    List<String> trustedGateways;

    /** The client's address, or null when the peer is unknown. */
    public String get() {
        String peer = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        return resolve(peer, request.getHeader(HEADER), trustedGateways);
    }

    /** The header's address when the peer is a trusted gateway and the header is an IP literal, else the peer. */
    static String resolve(String peer, String header, List<String> trustedGateways) {
        if (peer == null) {
            return null;
        }
        if (header == null || !IP_LITERAL.matcher(header.trim()).matches() || parse(header.trim()) == null) {
            return peer;
        }
        for (String block : trustedGateways) {
            if (contains(block.trim(), peer)) {
                return parse(header.trim()).getHostAddress();
            }
        }
        return peer;
    }

    static boolean contains(String cidr, String address) {
        int slash = cidr.indexOf('/');
        InetAddress network = parse(slash < 0 ? cidr : cidr.substring(0, slash));
        InetAddress candidate = parse(address);
        if (network == null || candidate == null || network.getAddress().length != candidate.getAddress().length) {
            return false;
        }
        int bits = network.getAddress().length * 8;
        int prefix = slash < 0 ? bits : Integer.parseInt(cidr.substring(slash + 1).trim());
        if (prefix < 0 || prefix > bits) {
            return false;
        }
        if (prefix == 0) {
            return true;
        }
        BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                .xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
        return new BigInteger(1, network.getAddress()).and(mask).equals(new BigInteger(1, candidate.getAddress()).and(mask));
    }

    private static InetAddress parse(String literal) {
        if (literal.isEmpty() || !IP_LITERAL.matcher(literal).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(literal); // a literal: no lookup happens
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
