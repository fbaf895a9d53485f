package vn.motcua.payment.provider;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignaturesTest {

    @Test
    void hmac_sha512_and_sha256_match_known_vectors() {
        // RFC 4231 test case 2
        assertThat(Signatures.hmacSha512("Jefe", "what do ya want for nothing?")).isEqualTo(
                "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737");
        assertThat(Signatures.sha256("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void the_canonical_query_is_sorted_encoded_and_leaves_out_the_hash_and_empty_values() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("vnp_TxnRef", "P1");
        params.put("vnp_Amount", "100");
        params.put("vnp_OrderInfo", "Thanh toan ho so 000.21.27.H29");
        params.put("vnp_ReturnUrl", "http://localhost:8083/r?a=b");
        params.put("vnp_Empty", "");
        params.put("vnp_SecureHash", "ignored");
        params.put("vnp_SecureHashType", "ignored");
        assertThat(Signatures.canonicalQuery(params)).isEqualTo(
                "vnp_Amount=100&vnp_OrderInfo=Thanh+toan+ho+so+000.21.27.H29&vnp_ReturnUrl=http%3A%2F%2Flocalhost%3A8083%2Fr%3Fa%3Db&vnp_TxnRef=P1");
    }

    @Test
    void comparison_is_exact_but_case_insensitive() {
        assertThat(Signatures.same("abcdef", "ABCDEF")).isTrue();
        assertThat(Signatures.same("abcdef", "abcdee")).isFalse();
        assertThat(Signatures.same("abcdef", null)).isFalse();
        assertThat(Signatures.same("abcdef", "abcdef0")).isFalse();
    }

    @Test
    void gateway_amounts_are_whole_hundredths_and_never_negative_or_overflowing() {
        assertThat(GatewayProtocol.amount(224_000)).isEqualTo("22400000");
        assertThat(GatewayProtocol.vnd("22400000")).isEqualTo(224_000);
        assertThat(GatewayProtocol.vnd("0")).isZero();
        for (String bad : new String[]{"-100", "12.5", "22400050", "99999999999999999999", "", "1e5", null, " 100"}) {
            assertThatThrownBy(() -> GatewayProtocol.vnd(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> GatewayProtocol.amount(Long.MAX_VALUE / 10)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void descriptions_lose_their_diacritics_for_the_gateway() {
        assertThat(GatewayProtocol.ascii("Thanh toán phí, lệ phí hồ sơ Đăng ký khai sinh")).isEqualTo("Thanh toan phi, le phi ho so Dang ky khai sinh");
    }

    @Test
    void platform_hash_is_fields_joined_with_the_secret() {
        assertThat(NppProtocol.hash("s", "a", "b")).isEqualTo(Signatures.sha256("a|b|s"));
        assertThat(NppProtocol.feeLines(java.util.List.of(new vn.motcua.contracts.common.FeeLine("A", "x", 1),
                new vn.motcua.contracts.common.FeeLine("B", "y", 2)))).isEqualTo("A:1;B:2");
    }
}
