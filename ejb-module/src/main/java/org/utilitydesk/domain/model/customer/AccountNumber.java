package org.utilitydesk.domain.model.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;
import org.utilitydesk.sql.AccountNumbers;

/** A supply account number (户号): ten digits ending in a check digit. Only valid numbers can be built. */
@Embeddable
public class AccountNumber implements Serializable {

    private static final long serialVersionUID = 1L;

    @Column(name = "account_number", nullable = false, length = 10)
    private String value;

    protected AccountNumber() {
    }

    private AccountNumber(String value) {
        this.value = value;
    }

    /** Parses typed or spoken input; spaces and dashes people add for readability are ignored. */
    public static AccountNumber of(String input) {
        String digits = input == null ? "" : input.replaceAll("[\\s-]", "");
        if (!AccountNumbers.isValid(digits)) {
            throw new InvalidAccountNumberException(input);
        }
        return new AccountNumber(digits);
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccountNumber other && Objects.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
