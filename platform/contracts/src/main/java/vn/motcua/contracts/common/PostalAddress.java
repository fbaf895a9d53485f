package vn.motcua.contracts.common;

/**
 * A Vietnamese postal address with administrative unit codes. Since 1 July 2025 there are two levels (province,
 * commune); {@code districtCode} is kept only for addresses recorded before then.
 */
public record PostalAddress(
        String recipientName,
        String phone,
        String street,
        String communeCode,
        String communeName,
        String districtCode,
        String provinceCode,
        String provinceName) {
}
