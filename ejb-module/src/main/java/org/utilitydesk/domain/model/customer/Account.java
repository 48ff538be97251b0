package org.utilitydesk.domain.model.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A supply account (户号) of a customer at one address in one service area. */
@Entity
@Table(name = "account")
@NamedQuery(name = "Account.findByAccountNumber",
        query = "SELECT a FROM Account a JOIN FETCH a.customer JOIN FETCH a.serviceArea WHERE a.accountNumber = :number")
@NamedQuery(name = "Account.findByAccountNumbers",
        query = "SELECT a FROM Account a JOIN FETCH a.customer JOIN FETCH a.serviceArea WHERE a.accountNumber.value IN :numbers")
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Embedded
    private AccountNumber accountNumber;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id")
    private Customer customer;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "service_area_id")
    private ServiceArea serviceArea;

    @Enumerated(EnumType.STRING)
    @Column(name = "energy_type", nullable = false, length = 16)
    private EnergyType energyType;

    @Column(name = "tariff_code", nullable = false, length = 32)
    private String tariffCode;

    @Column(name = "supply_address", nullable = false)
    private String supplyAddress;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private AccountStatus status;

    @Column(name = "opened_on", nullable = false)
    private LocalDate openedOn;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal balance;

    @Version
    private long version;

    protected Account() {
    }

    public Long getId() {
        return id;
    }

    public AccountNumber getAccountNumber() {
        return accountNumber;
    }

    public Customer getCustomer() {
        return customer;
    }

    public ServiceArea getServiceArea() {
        return serviceArea;
    }

    public EnergyType getEnergyType() {
        return energyType;
    }

    public String getTariffCode() {
        return tariffCode;
    }

    public String getSupplyAddress() {
        return supplyAddress;
    }

    public AccountStatus getStatus() {
        return status;
    }

    public LocalDate getOpenedOn() {
        return openedOn;
    }

    /** Amount the customer owes on this account; negative when in credit. */
    public BigDecimal getBalance() {
        return balance;
    }
}
