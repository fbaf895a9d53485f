package vn.motcua.notification.webhook;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;

class ForbiddenAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.10.20.30", "0.0.0.0", "10.0.0.5", "172.16.0.1", "172.31.255.255",
            "192.168.1.1", "169.254.169.254", "169.254.1.1", "100.64.0.1", "100.100.100.200", "224.0.0.1",
            "255.255.255.255", "240.0.0.1", "198.18.0.1", "192.0.0.170",
            "::1", "::", "fe80::1", "fc00::1", "fd00:ec2::254", "ff02::1", "::ffff:127.0.0.1", "::ffff:169.254.169.254",
            "::10.0.0.1", "64:ff9b::a9fe:a9fe", "2002:7f00:1::", "2001:db8::1", "100::1"})
    void internal_addresses_are_forbidden(String literal) throws Exception {
        assertThat(ForbiddenAddresses.reason(InetAddress.getByName(literal))).as(literal).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "172.15.255.255", "100.128.0.1", "169.255.0.1",
            "2606:2800:220:1:248:1893:25c8:1946", "2001:4860:4860::8888", "::ffff:8.8.8.8", "2002:808:808::"})
    void public_addresses_are_allowed(String literal) throws Exception {
        assertThat(ForbiddenAddresses.reason(InetAddress.getByName(literal))).as(literal).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void the_metadata_address_is_named_as_such() throws Exception {
        assertThat(ForbiddenAddresses.reason(InetAddress.getByName("169.254.169.254"))).contains("cloud metadata");
    }
}
