package vn.motcua.gateway.edge;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Who the client is when the gateway stands behind load balancers: the peer of the TCP connection is believed, and
 * so is what a <em>trusted</em> proxy says in {@code X-Forwarded-For} — nothing more. Reading the chain from the
 * right, every address that is a trusted proxy is skipped; the first that is not is the client. Without trusted
 * proxies (the default) the header is ignored, since any client can write it. The client address is what rate
 * limits count and the access log records. Plain Java so that the rules are unit tested.
 */
public final class ClientAddresses {

    /** Where the {@link EdgeHandler} keeps the request's client address on the routing context. */
    public static final String KEY = "motcua.client-address";
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final List<Cidr> trusted;

    /** @param trustedProxies CIDR blocks ({@code 10.0.0.0/8}, {@code fd00::/8}) or single addresses */
    public ClientAddresses(List<String> trustedProxies) {
        List<Cidr> blocks = new ArrayList<>();
        for (String block : trustedProxies) {
            if (!block.isBlank()) {
                blocks.add(Cidr.parse(block.trim()));
            }
        }
        this.trusted = List.copyOf(blocks);
    }

    /**
     * @param peer          the address of the TCP peer
     * @param forwardedFor  the request's {@code X-Forwarded-For} header (may be null)
     * @return the client's address
     */
    public String clientOf(String peer, String forwardedFor) {
        if (!isTrusted(peer) || forwardedFor == null || forwardedFor.isBlank()) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = strip(hops[i]);
            if (literal(hop) == null) {
                return peer; // a garbled chain proves nothing: fall back to what we know
            }
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return strip(hops[0]); // every hop is a trusted proxy: the first one is the closest thing to a client
    }

    /** The {@code X-Forwarded-For} to send upstream: a trusted proxy's chain extended with the peer, else the peer. */
    public String forwardedChain(String peer, String forwardedFor) {
        if (isTrusted(peer) && forwardedFor != null && !forwardedFor.isBlank()) {
            return forwardedFor.trim() + ", " + peer;
        }
        return peer;
    }

    boolean isTrusted(String address) {
        if (trusted.isEmpty()) {
            return false;
        }
        byte[] bytes = literal(address);
        return bytes != null && trusted.stream().anyMatch(c -> c.contains(bytes));
    }

    /** An address in brackets or with a port ({@code [::1]:443}, {@code 1.2.3.4:80}) loses them. */
    private static String strip(String hop) {
        String h = hop.trim();
        if (h.startsWith("[") && h.contains("]")) {
            return h.substring(1, h.indexOf(']'));
        }
        int colon = h.indexOf(':');
        if (colon > 0 && colon == h.lastIndexOf(':') && IPV4.matcher(h.substring(0, colon)).matches()) {
            return h.substring(0, colon);
        }
        return h;
    }

    /** The address's bytes if it is an IP literal, else null; never a DNS lookup. */
    static byte[] literal(String address) {
        if (address == null || address.isEmpty() || !(IPV4.matcher(address).matches() || address.contains(":"))
                || !address.matches("[0-9A-Za-z:.%]+")) {
            return null;
        }
        try {
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }

    private record Cidr(byte[] network, int prefix) {

        static Cidr parse(String block) {
            int slash = block.indexOf('/');
            String address = slash < 0 ? block : block.substring(0, slash);
            byte[] bytes = literal(address);
            if (bytes == null) {
                throw new IllegalArgumentException("trusted proxy '" + block + "' is not an IP address or CIDR block");
            }
            int prefix = bytes.length * 8;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(block.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > bytes.length * 8) {
                    throw new IllegalArgumentException("trusted proxy '" + block + "' has a bad prefix length");
                }
            }
            return new Cidr(bytes, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            if (!Arrays.equals(address, 0, full, network, 0, full)) {
                return false;
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }
}
