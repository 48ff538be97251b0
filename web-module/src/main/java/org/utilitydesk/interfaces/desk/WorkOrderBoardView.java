package org.utilitydesk.interfaces.desk;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.utilitydesk.application.WorkOrderBoard;
import org.utilitydesk.domain.model.workorder.SlaStatus;
import org.utilitydesk.domain.model.workorder.WorkOrderState;
import org.utilitydesk.domain.model.workorder.WorkOrderType;

/**
 * The work-order board of agents and supervisors: filters by type, state, area and SLA state (kept in
 * the address, so a filtered board can be bookmarked), most urgent first, each row's time left or overdue.
 */
@Named
@ViewScoped
public class WorkOrderBoardView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private WorkOrderBoard board;

    private WorkOrderType type;
    private WorkOrderState state;
    private Long area;
    private SlaStatus sla;
    private boolean openOnly = true;
    private List<WorkOrderBoard.Area> areas;

    private final LazyDataModel<WorkOrderBoard.Row> rows = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, board.count(filter()));
        }

        @Override
        public List<WorkOrderBoard.Row> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return board.rows(filter(), first, pageSize);
        }

        @Override
        public String getRowKey(WorkOrderBoard.Row row) {
            return row.orderNo();
        }

        @Override
        public WorkOrderBoard.Row getRowData(String rowKey) {
            List<WorkOrderBoard.Row> page = getWrappedData();
            return page == null ? null : page.stream().filter(r -> r.orderNo().equals(rowKey)).findFirst().orElse(null);
        }
    };

    private WorkOrderBoard.Filter filter() {
        return new WorkOrderBoard.Filter(type, state, area, sla, openOnly);
    }

    /** Minutes until the deadline (negative when overdue), or null when no deadline runs. */
    public Long minutesLeft(WorkOrderBoard.Row row) {
        return SlaStatus.minutesLeft(row.sla(), row.slaDueAt(), Instant.now());
    }

    public LazyDataModel<WorkOrderBoard.Row> getRows() {
        return rows;
    }

    public List<WorkOrderBoard.Area> getAreas() {
        if (areas == null) {
            areas = board.areas();
        }
        return areas;
    }

    public WorkOrderType[] getTypes() {
        return WorkOrderType.values();
    }

    public WorkOrderState[] getStates() {
        return WorkOrderState.values();
    }

    public SlaStatus[] getSlaStates() {
        return SlaStatus.values();
    }

    public WorkOrderType getType() {
        return type;
    }

    public void setType(WorkOrderType type) {
        this.type = type;
    }

    public WorkOrderState getState() {
        return state;
    }

    public void setState(WorkOrderState state) {
        this.state = state;
    }

    public Long getArea() {
        return area;
    }

    public void setArea(Long area) {
        this.area = area;
    }

    public SlaStatus getSla() {
        return sla;
    }

    public void setSla(SlaStatus sla) {
        this.sla = sla;
    }

    public boolean isOpenOnly() {
        return openOnly;
    }

    public void setOpenOnly(boolean openOnly) {
        this.openOnly = openOnly;
    }
}
