package vn.motcua.gateway.edge;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientAddressesTest {

    private final ClientAddresses behindBalancers = new ClientAddresses(List.of("10.0.0.0/8", "192.168.1.7", "fd00::/8"));
    private final ClientAddresses direct = new ClientAddresses(List.of());

    @Test
    void without_trusted_proxies_the_header_is_ignored_whoever_sends_it() {
        assertThat(direct.clientOf("203.0.113.9", "1.2.3.4")).isEqualTo("203.0.113.9");
        assertThat(direct.forwardedChain("203.0.113.9", "1.2.3.4")).isEqualTo("203.0.113.9");
    }

    @Test
    void an_untrusted_peer_cannot_choose_its_address() {
        // a client writing X-Forwarded-For itself, straight to the gateway: its own address counts
        assertThat(behindBalancers.clientOf("198.51.100.20", "10.0.0.1")).isEqualTo("198.51.100.20");
        assertThat(behindBalancers.forwardedChain("198.51.100.20", "10.0.0.1")).isEqualTo("198.51.100.20");
    }

    @Test
    void behind_trusted_proxies_the_first_untrusted_hop_from_the_right_is_the_client() {
        assertThat(behindBalancers.clientOf("10.1.2.3", "203.0.113.9")).isEqualTo("203.0.113.9");
        // the client forged a left part; the balancers appended what they saw
        assertThat(behindBalancers.clientOf("10.1.2.3", "6.6.6.6, 203.0.113.9, 192.168.1.7")).isEqualTo("203.0.113.9");
        assertThat(behindBalancers.forwardedChain("10.1.2.3", "203.0.113.9")).isEqualTo("203.0.113.9, 10.1.2.3");
    }

    @Test
    void ports_brackets_and_ipv6_are_understood() {
        assertThat(behindBalancers.clientOf("fd12::1", "[2001:db8::5]:4431")).isEqualTo("2001:db8::5");
        assertThat(behindBalancers.clientOf("10.0.0.2", "203.0.113.9:5678")).isEqualTo("203.0.113.9");
        assertThat(behindBalancers.isTrusted("fdff:ffff::1")).isTrue();
        assertThat(behindBalancers.isTrusted("fe00::1")).isFalse();
    }

    @Test
    void a_garbled_chain_falls_back_to_the_peer_and_names_are_never_looked_up() {
        assertThat(behindBalancers.clientOf("10.0.0.2", "evil.example.com")).isEqualTo("10.0.0.2");
        assertThat(behindBalancers.clientOf("10.0.0.2", "203.0.113.9, <script>")).isEqualTo("10.0.0.2");
        assertThat(ClientAddresses.literal("localhost")).isNull();
    }

    @Test
    void prefixes_that_are_not_whole_bytes_match_exactly() {
        ClientAddresses slash20 = new ClientAddresses(List.of("172.16.0.0/12"));
        assertThat(slash20.isTrusted("172.31.255.255")).isTrue();
        assertThat(slash20.isTrusted("172.32.0.0")).isFalse();
        assertThat(slash20.isTrusted("172.15.255.255")).isFalse();
    }

    @Test
    void a_bad_block_in_the_configuration_stops_the_start() {
        assertThatThrownBy(() -> new ClientAddresses(List.of("10.0.0.0/33"))).hasMessageContaining("prefix");
        assertThatThrownBy(() -> new ClientAddresses(List.of("proxy.internal"))).hasMessageContaining("not an IP address");
    }
}
