package vn.motcua.delivery.tariff;

/**
 * Our own postal tariff, for orders the applicant has not prepaid through payment-service. Plain Java: the rules are
 * unit tested without a framework.
 *
 * <ul>
 *   <li>base price by distance: same province or another province;</li>
 *   <li>a percentage discount when the dossier was filed online;</li>
 *   <li>a cash-collection charge when the fee is collected in cash;</li>
 *   <li>rounded up to a multiple of {@code roundTo} đồng (no change to give at the door).</li>
 * </ul>
 */
public record Tariff(long sameProvinceVnd, long otherProvinceVnd, int onlineDiscountPercent, long cashCollectionVnd,
                     long roundTo) {

    public Tariff {
        if (sameProvinceVnd < 0 || otherProvinceVnd < 0 || cashCollectionVnd < 0 || roundTo < 1
                || onlineDiscountPercent < 0 || onlineDiscountPercent > 100) {
            throw new IllegalArgumentException("invalid tariff");
        }
    }

    /**
     * @param fromProvince     the sender's province code
     * @param toProvince       the receiver's province code
     * @param filedOnline      the dossier was filed online (discount)
     * @param collectedInCash  the fee is collected in cash (on delivery or at pickup)
     */
    public long feeVnd(String fromProvince, String toProvince, boolean filedOnline, boolean collectedInCash) {
        long base = fromProvince != null && fromProvince.equals(toProvince) ? sameProvinceVnd : otherProvinceVnd;
        long discounted = filedOnline ? base * (100 - onlineDiscountPercent) / 100 : base;
        long total = discounted + (collectedInCash ? cashCollectionVnd : 0);
        return (total + roundTo - 1) / roundTo * roundTo;
    }
}
