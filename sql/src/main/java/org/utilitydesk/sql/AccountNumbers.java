package org.utilitydesk.sql;

/**
 * Account numbers (户号) are ten digits: a nine-digit serial and a Luhn check digit. The IVR and the REST
 * API use the same rule to refuse mistyped numbers before they reach the database.
 */
public final class AccountNumbers {

    private AccountNumbers() {
    }

    /** Builds the account number for a serial between 1 and 999,999,999. */
    public static String fromSerial(long serial) {
        if (serial < 1 || serial > 999_999_999L) {
            throw new IllegalArgumentException("serial out of range: " + serial);
        }
        String body = String.format("%09d", serial);
        return body + checkDigit(body);
    }

    /** True when {@code candidate} is ten digits whose last is the Luhn check digit of the first nine. */
    public static boolean isValid(String candidate) {
        if (candidate == null || candidate.length() != 10) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (!Character.isDigit(candidate.charAt(i)) || candidate.charAt(i) > '9') {
                return false;
            }
        }
        return checkDigit(candidate.substring(0, 9)) == candidate.charAt(9) - '0';
    }

    static int checkDigit(String digits) {
        int sum = 0;
        boolean doubleIt = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return (10 - sum % 10) % 10;
    }
}
