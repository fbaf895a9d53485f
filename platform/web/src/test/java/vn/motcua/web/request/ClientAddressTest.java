package vn.motcua.web.request;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressTest {

    private static final List<String> GATEWAYS = List.of("10.20.0.0/16", "::1/128");

    @Test
    void the_gateways_header_is_believed_from_a_gateway_address_only() {
        assertThat(ClientAddress.resolve("10.20.3.4", "203.0.113.7", GATEWAYS)).isEqualTo("203.0.113.7");
        assertThat(ClientAddress.resolve("0:0:0:0:0:0:0:1", "2001:db8::5", GATEWAYS)).isEqualTo("2001:db8:0:0:0:0:0:5");
        // a client reaching the service directly cannot choose what the audit records
        assertThat(ClientAddress.resolve("192.0.2.9", "203.0.113.7", GATEWAYS)).isEqualTo("192.0.2.9");
        assertThat(ClientAddress.resolve("10.21.0.1", "203.0.113.7", GATEWAYS)).isEqualTo("10.21.0.1");
    }

    @Test
    void no_header_or_one_that_is_not_an_address_records_the_peer() {
        assertThat(ClientAddress.resolve("10.20.3.4", null, GATEWAYS)).isEqualTo("10.20.3.4");
        assertThat(ClientAddress.resolve("10.20.3.4", "evil.example", GATEWAYS)).isEqualTo("10.20.3.4");
        assertThat(ClientAddress.resolve("10.20.3.4", "dead.beef", GATEWAYS)).as("a name, never looked up").isEqualTo("10.20.3.4");
        assertThat(ClientAddress.resolve("10.20.3.4", "1.2.3.4, 5.6.7.8", GATEWAYS)).isEqualTo("10.20.3.4");
        assertThat(ClientAddress.resolve(null, "1.2.3.4", GATEWAYS)).isNull();
    }

    @Test
    void address_blocks() {
        assertThat(ClientAddress.contains("127.0.0.1/32", "127.0.0.1")).isTrue();
        assertThat(ClientAddress.contains("127.0.0.1/32", "127.0.0.2")).isFalse();
        assertThat(ClientAddress.contains("10.0.0.0/8", "10.255.1.1")).isTrue();
        assertThat(ClientAddress.contains("10.0.0.0/8", "::1")).isFalse();
        assertThat(ClientAddress.contains("0.0.0.0/0", "8.8.8.8")).isTrue();
        assertThat(ClientAddress.contains("192.168.1.7", "192.168.1.7")).isTrue();
    }
}
