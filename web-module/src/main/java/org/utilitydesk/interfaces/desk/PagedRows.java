package org.utilitydesk.interfaces.desk;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** A table's rows read from the database a page at a time, for a PrimeFaces lazy data table. */
public class PagedRows<T> extends LazyDataModel<T> {

    private static final long serialVersionUID = 1L;

    /** One page of rows. */
    @FunctionalInterface
    public interface Page<T> extends Serializable {
        List<T> read(int first, int size);
    }

    /** How many rows there are in all. */
    @FunctionalInterface
    public interface Count extends Serializable {
        long rows();
    }

    /** A row's key, unique on the page. */
    @FunctionalInterface
    public interface Key<T> extends Serializable {
        String of(T row);
    }

    private final Page<T> page;
    private final Count count;
    private final Key<T> key;

    public PagedRows(Page<T> page, Count count, Key<T> key) {
        this.page = page;
        this.count = count;
        this.key = key;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, count.rows());
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        return page.read(first, pageSize);
    }

    @Override
    public String getRowKey(T row) {
        return key.of(row);
    }

    @Override
    public T getRowData(String rowKey) {
        List<T> rows = getWrappedData();
        return rows == null ? null : rows.stream().filter(r -> key.of(r).equals(rowKey)).findFirst().orElse(null);
    }
}
