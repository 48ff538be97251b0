package org.utilitydesk.interfaces.desk;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.utilitydesk.interfaces.facade.CustomerFacade;
import org.utilitydesk.interfaces.facade.CustomerRow;

/** The customer list of the desk: searched by name, account number, phone or customer number, paged in the database. */
@Named
@ViewScoped
public class CustomerDirectory implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private CustomerFacade customers;

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
