package org.utilitydesk.interfaces.desk;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.utilitydesk.interfaces.facade.CallFacade;
import org.utilitydesk.interfaces.facade.CustomerFacade;
import org.utilitydesk.interfaces.facade.CustomerRow;
import org.utilitydesk.interfaces.facade.OutboundCallView;

/** The customer list of the desk: searched by name, account number, phone or customer number, paged in the database. */
@Named
@ViewScoped
public class CustomerDirectory implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final long DOUBLE_CLICK_MILLIS = 10_000;

    @Inject
    private CustomerFacade customers;

    @Inject
    private CallFacade calls;

    @Inject
    private CurrentUser currentUser;

    /** The last click-to-dial of this page: a second click on the same customer within 10 s is the same call. */
    private long lastDialled = -1;
    private long lastDialAt;
    private String lastDialKey;

    private String query = "";

    private final LazyDataModel<CustomerRow> rows = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, customers.count(query));
        }

        @Override
        public List<CustomerRow> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return customers.search(query, first, pageSize);
        }

        @Override
        public String getRowKey(CustomerRow row) {
            return String.valueOf(row.id());
        }

        @Override
        public CustomerRow getRowData(String rowKey) {
            List<CustomerRow> page = getWrappedData();
            return page == null ? null : page.stream().filter(r -> getRowKey(r).equals(rowKey)).findFirst().orElse(null);
        }
    };

    /** Rings the agent's phone and then the customer (the telephone system connects the two). */
    public void dial(CustomerRow row) {
        long now = System.currentTimeMillis();
        if (row.id() != lastDialled || now - lastDialAt > DOUBLE_CLICK_MILLIS) {
            lastDialKey = "desk-" + row.id() + "-" + now;
        }
        lastDialled = row.id();
        lastDialAt = now;
        Optional<OutboundCallView> call = calls.dialCustomer(row.id(), lastDialKey, currentUser.getUser());
        if (call.isEmpty()) {
            FacesText.message(FacesMessage.SEVERITY_WARN, "customers.dial.noNumber", row.name());
        } else if ("FAILED".equals(call.get().state())) {
            FacesText.message(FacesMessage.SEVERITY_ERROR, "customers.dial.unavailable", row.name());
        } else {
            FacesText.message(FacesMessage.SEVERITY_INFO, "customers.dial.placed", row.name(), row.mobilePhone());
        }
    }

    public LazyDataModel<CustomerRow> getRows() {
        return rows;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query == null ? "" : query.strip();
        if (this.query.length() > 60) {
            this.query = this.query.substring(0, 60);
        }
    }
}
