package vn.motcua.delivery.order;

import vn.motcua.contracts.common.PostalAddress;
import vn.motcua.contracts.delivery.PostalOperatorMessages.Party;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Checks of the address parts the operator needs to route a parcel. */
public final class Addresses {

    /** National administrative codes: province 2 digits, commune (phường/xã/đặc khu) 5 digits. */
    public static final String PROVINCE_CODE = "\\d{2}";
    public static final String COMMUNE_CODE = "\\d{5}";
    /** Vietnamese phone numbers: 0 and 9-10 digits, or +84 and 9-10 digits. */
    public static final String PHONE = "(0|\\+84)\\d{9,10}";
    private static final Pattern PROVINCE = Pattern.compile(PROVINCE_CODE);
    private static final Pattern COMMUNE = Pattern.compile(COMMUNE_CODE);
    private static final Pattern PHONE_PATTERN = Pattern.compile(PHONE);

    private Addresses() {
    }

    public static Party party(PostalAddress address, String fallbackName, String fallbackPhone) {
        return new Party(blankToNull(address.recipientName()) != null ? address.recipientName() : fallbackName,
                blankToNull(address.phone()) != null ? address.phone() : fallbackPhone, address.street(),
                address.communeCode(), address.communeName(), address.provinceCode(), address.provinceName());
    }

    /** What is wrong with the party, empty when the operator can route it. */
    public static List<String> problems(Party party) {
        List<String> problems = new ArrayList<>();
        if (party == null) {
            return List.of("address is missing");
        }
        if (blankToNull(party.name()) == null) {
            problems.add("name is missing");
        }
        if (party.phone() == null || !PHONE_PATTERN.matcher(party.phone().replace(" ", "")).matches()) {
            problems.add("phone '" + party.phone() + "' is not a Vietnamese phone number");
        }
        if (blankToNull(party.street()) == null) {
            problems.add("street is missing");
        }
        if (party.provinceCode() == null || !PROVINCE.matcher(party.provinceCode()).matches()) {
            problems.add("provinceCode '" + party.provinceCode() + "' is not a 2-digit province code");
        }
        if (party.communeCode() == null || !COMMUNE.matcher(party.communeCode()).matches()) {
            problems.add("communeCode '" + party.communeCode() + "' is not a 5-digit commune code");
        }
        return problems;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
