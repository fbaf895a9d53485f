package vn.motcua.notification.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Addresses a webhook must never reach, because a subscriber chooses the URL: loopback, "this host", private
 * (RFC 1918), carrier-grade NAT (RFC 6598, where some clouds put their metadata service), link-local (with the cloud
 * metadata address 169.254.169.254), unique-local IPv6 (with AWS's fd00:ec2::254), multicast, broadcast and the
 * reserved ranges. IPv6 forms that embed an IPv4 address (mapped, compatible, NAT64, 6to4) are judged by that address.
 * Plain Java, no framework types.
 */
public final class ForbiddenAddresses {

    private ForbiddenAddresses() {
    }

    /** Why the address is forbidden, or empty when a webhook may go there. */
    public static Optional<String> reason(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            Optional<Inet4Address> embedded = embeddedIpv4(b);
            if (embedded.isPresent()) {
                return reason(embedded.get()).map(r -> r + " (embedded in " + address.getHostAddress() + ")");
            }
            if (v6.isLoopbackAddress() || v6.isAnyLocalAddress()) {
                return Optional.of("loopback");
            }
            if (v6.isLinkLocalAddress() || v6.isSiteLocalAddress()) {
                return Optional.of("link-local");
            }
            if ((b[0] & 0xfe) == 0xfc) {
                return Optional.of("unique-local (private) IPv6");
            }
            if (v6.isMulticastAddress()) {
                return Optional.of("multicast");
            }
            if ((b[0] & 0xe0) != 0x20) {
                return Optional.of("not a global unicast IPv6 address"); // only 2000::/3 is routed on the internet
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
                return Optional.of("documentation range");
            }
            return Optional.empty();
        }
        byte[] b = address.getAddress();
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        if (a0 == 127) {
            return Optional.of("loopback");
        }
        if (a0 == 0) {
            return Optional.of("'this host' (0.0.0.0/8)");
        }
        if (a0 == 10 || (a0 == 172 && a1 >= 16 && a1 <= 31) || (a0 == 192 && a1 == 168)) {
            return Optional.of("private");
        }
        if (a0 == 169 && a1 == 254) {
            return Optional.of((b[2] & 0xff) == 169 && (b[3] & 0xff) == 254 ? "cloud metadata" : "link-local");
        }
        if (a0 == 100 && a1 >= 64 && a1 <= 127) {
            return Optional.of("carrier-grade NAT (shared, used by cloud metadata services)");
        }
        if (a0 == 192 && a1 == 0 && (b[2] & 0xff) == 0) {
            return Optional.of("IETF protocol assignments");
        }
        if (a0 == 198 && (a1 == 18 || a1 == 19)) {
            return Optional.of("benchmarking range");
        }
        if (a0 >= 224) {
            return Optional.of(a0 < 240 ? "multicast" : "reserved or broadcast");
        }
        return Optional.empty();
    }

    private static Optional<Inet4Address> embeddedIpv4(byte[] b) {
        boolean firstTenZero = true;
        for (int i = 0; i < 10; i++) {
            firstTenZero &= b[i] == 0;
        }
        boolean mapped = firstTenZero && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;        // ::ffff:a.b.c.d
        boolean compatible = firstTenZero && b[10] == 0 && b[11] == 0 && !(allZero(b, 12, 15) && (b[15] & 0xfe) == 0); // ::a.b.c.d
        boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && allZero(b, 4, 12);                                                              // 64:ff9b::a.b.c.d
        if (mapped || compatible || nat64) {
            return Optional.of(v4(b[12], b[13], b[14], b[15]));
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {                                     // 6to4 2002:aabb:ccdd::
            return Optional.of(v4(b[2], b[3], b[4], b[5]));
        }
        return Optional.empty();
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static Inet4Address v4(byte a, byte b, byte c, byte d) {
        try {
            return (Inet4Address) InetAddress.getByAddress(new byte[]{a, b, c, d});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
