package org.utilitydesk.domain.model.customer;

/**
 * Masks personal data for people whose role does not need it in full: phone numbers keep their first
 * three and last four digits, addresses keep their district and street and hide the building and room.
 */
public final class PersonalData {

    private PersonalData() {
    }

    public static String maskPhone(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        if (phone.length() < 8) {
            return "*".repeat(phone.length());
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }

    /** j***@example.com: enough to tell mailboxes apart in a history, not to write to one. */
    public static String maskMailbox(String address) {
        int at = address == null ? -1 : address.indexOf('@');
        return at < 1 ? "***" : address.charAt(0) + "***" + address.substring(at);
    }

    public static String maskAddress(String address) {
        if (address == null || address.isBlank()) {
            return address;
        }
        int cut = address.indexOf('号');
        if (cut < 0 || cut > address.length() - 2) {
            cut = Math.min(address.length(), Math.max(4, address.length() / 2)) - 1;
        }
        return address.substring(0, cut + 1) + "****";
    }
}
