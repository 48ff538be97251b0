package org.utilitydesk.domain.model.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A customer of the utility, holding one or more supply accounts. */
@Entity
@Table(name = "customer")
@NamedQuery(name = "Customer.findByPhone",
        query = "SELECT DISTINCT c FROM Customer c LEFT JOIN FETCH c.accounts"
                + " WHERE c.mobilePhone = :phone OR c.otherPhone = :phone ORDER BY c.id")
public class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "customer_no", nullable = false, length = 20)
    private String customerNo;

    @Column(nullable = false, length = 100)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "customer_type", nullable = false, length = 16)
    private CustomerType type;

    @Column(name = "mobile_phone", length = 20)
    private String mobilePhone;

    @Column(name = "other_phone", length = 20)
    private String otherPhone;

    @Column(length = 120)
    private String email;

    @Column(name = "preferred_language", nullable = false, length = 10)
    private String preferredLanguage;

    @Column(nullable = false)
    private boolean vip;

    @Column(name = "do_not_disturb", nullable = false)
    private boolean doNotDisturb;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    @OneToMany(mappedBy = "customer")
    @OrderBy("id")
    private List<Account> accounts = new ArrayList<>();

    protected Customer() {
    }

    public Long getId() {
        return id;
    }

    public String getCustomerNo() {
        return customerNo;
    }

    public String getName() {
        return name;
    }

    public CustomerType getType() {
        return type;
    }

    public String getMobilePhone() {
        return mobilePhone;
    }

    public String getOtherPhone() {
        return otherPhone;
    }

    public String getEmail() {
        return email;
    }

    public String getPreferredLanguage() {
        return preferredLanguage;
    }

    public boolean isVip() {
        return vip;
    }

    public boolean isDoNotDisturb() {
        return doNotDisturb;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public List<Account> getAccounts() {
        return Collections.unmodifiableList(accounts);
    }
}
