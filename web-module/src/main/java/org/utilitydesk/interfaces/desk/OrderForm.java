package org.utilitydesk.interfaces.desk;

import java.io.Serializable;
import org.utilitydesk.application.CustomerService;
import org.utilitydesk.domain.model.workorder.WorkOrderType;

/** The fields of a new work order on a page (the call's, the customer's): type, account, subject, description. */
public class OrderForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private final WorkOrderType defaultType;
    private WorkOrderType type;
    private String accountNumber;
    private String subject;
    private String description;

    public OrderForm(WorkOrderType defaultType) {
        this.defaultType = defaultType;
        this.type = defaultType;
    }

    /** Empty again, on the customer's first account (if any). */
    public void clear(CustomerService.Overview customer) {
        type = defaultType;
        accountNumber = customer == null || customer.accounts().isEmpty() ? null : customer.accounts().get(0).accountNumber();
        subject = null;
        description = null;
    }

    public boolean hasSubject() {
        return subject != null && !subject.isBlank();
    }

    public WorkOrderType[] getTypes() {
        return WorkOrderType.values();
    }

    public WorkOrderType getType() {
        return type;
    }

    public void setType(WorkOrderType type) {
        this.type = type == null ? defaultType : type;
    }

    public String getAccountNumber() {
        return accountNumber;
    }

    public void setAccountNumber(String accountNumber) {
        this.accountNumber = accountNumber;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
