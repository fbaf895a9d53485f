package vn.motcua.notification.message;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AddressesTest {

    @Test
    void emails() {
        assertThat(Addresses.isEmail("an.nguyen@example.vn")).isTrue();
        assertThat(Addresses.isEmail("mot-cua.badinh@hanoi.gov.vn")).isTrue();
        assertThat(Addresses.isEmail("an.nguyen(at)example")).isFalse();
        assertThat(Addresses.isEmail("an nguyen@example.vn")).isFalse();
        assertThat(Addresses.isEmail("an@localhost")).isFalse();
        assertThat(Addresses.isEmail(null)).isFalse();
    }

    @Test
    void vietnamese_mobile_numbers_are_normalised_to_international_form() {
        assertThat(Addresses.normalisedMobile("0912345678")).contains("84912345678");
        assertThat(Addresses.normalisedMobile("+84 912 345 678")).contains("84912345678");
        assertThat(Addresses.normalisedMobile("84-385-123-456")).contains("84385123456");
        assertThat(Addresses.normalisedMobile("12345")).isEmpty();
        assertThat(Addresses.normalisedMobile("0241234567")).isEmpty(); // a landline
        assertThat(Addresses.normalisedMobile("09123456789")).isEmpty();
        assertThat(Addresses.normalisedMobile(null)).isEmpty();
    }
}
