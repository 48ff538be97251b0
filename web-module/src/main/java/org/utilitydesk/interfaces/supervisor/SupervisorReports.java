package org.utilitydesk.interfaces.supervisor;

import static org.utilitydesk.infrastructure.JsonSupport.JSON;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import org.utilitydesk.application.StatisticsReports;
import org.utilitydesk.application.StatisticsReports.DayRow;
import org.utilitydesk.interfaces.desk.FacesText;

/**
 * Reports over the nightly statistics: a period and a breakdown (center, queue, skill, agent, service type),
 * the figures per day and key with their rates, a chart of calls per day, export to CSV, XLSX and PDF, and
 * Erlang C staffing advice for an hour of the day.
 */
@Named
@ViewScoped
public class SupervisorReports implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Inject
    private transient StatisticsReports reports;

    private LocalDate from = LocalDate.now(ZONE).minusDays(7);
    private LocalDate to = LocalDate.now(ZONE).minusDays(1);
    private String dimension = "QUEUE";
    private List<DayRow> rows;
    private int hour = 10;
    private String queue;
    private StatisticsReports.StaffingAdvice advice;
    /** The names of the current dimension's keys, read once per dimension. */
    private java.util.Map<String, StatisticsReports.KeyName> keyNames;

    public List<String> getDimensions() {
        return Arrays.stream(StatisticsReports.Dimension.values()).map(Enum::name).toList();
    }

    public List<StatisticsReports.KeyName> getQueues() {
        return reports.queues();
    }

    /** A queue's or skill's name in the viewer's language. */
    public String name(StatisticsReports.KeyName key) {
        return english() ? key.nameEn() : key.nameZh();
    }

    /**
     * A row's key as the supervisor reads it: the whole center, a queue's or skill's name, a service type's name, or the
     * agent's number.
     */
    public String keyName(String key) {
        if (key == null) {
            return "";
        }
        return switch (StatisticsReports.Dimension.valueOf(dimension)) {
            case CENTER -> FacesText.text("report.key.center");
            case SERVICE_TYPE -> FacesText.label("workOrderType.", key);
            case QUEUE, SKILL -> {
                if (keyNames == null) {
                    keyNames = reports.keyNames(StatisticsReports.Dimension.valueOf(dimension));
                }
                StatisticsReports.KeyName named = keyNames.get(key);
                yield named == null ? key : name(named);
            }
            case AGENT -> key;
        };
    }

    private static boolean english() {
        return "en".equals(FacesText.bundle().getLocale().getLanguage());
    }

    public List<Integer> getHours() {
        List<Integer> hours = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            hours.add(h);
        }
        return hours;
    }

    /** The rows of the chosen period and breakdown; read once per change. */
    public List<DayRow> getRows() {
        if (rows == null) {
            rows = read();
        }
        return rows;
    }

    public void show() {
        rows = read();
    }

    private List<DayRow> read() {
        try {
            return reports.daily(from, to, StatisticsReports.Dimension.valueOf(dimension));
        } catch (IllegalArgumentException | jakarta.ejb.EJBException e) {
            error("report.badPeriod");
            return List.of();
        }
    }

    /** Chart.js configuration: per day, all keys together; calls, or work orders for the service-type breakdown. */
    public String getChartJson() {
        return chart(row -> row.day().toString());
    }

    /** Chart.js configuration: per key (queue, agent, ...), the whole period together. */
    public String getKeyChartJson() {
        return chart(row -> keyName(row.key()));
    }

    private String chart(java.util.function.Function<DayRow, String> groupBy) {
        boolean orders = "SERVICE_TYPE".equals(dimension);
        Map<String, long[]> groups = new TreeMap<>();
        for (DayRow r : getRows()) {
            long[] sums = groups.computeIfAbsent(groupBy.apply(r), g -> new long[3]);
            sums[0] += orders ? r.ordersOpened() : r.offered();
            sums[1] += orders ? r.ordersClosed() : r.answered();
            sums[2] += orders ? r.ordersBreached() : r.abandoned();
        }
        ResourceBundle msg = bundle();
        JsonArrayBuilder labels = JSON.createArrayBuilder();
        JsonArrayBuilder[] series = {JSON.createArrayBuilder(), JSON.createArrayBuilder(), JSON.createArrayBuilder()};
        groups.forEach((group, sums) -> {
            labels.add(group);
            for (int i = 0; i < 3; i++) {
                series[i].add(sums[i]);
            }
        });
        String[] keys = orders ? new String[] {"report.ordersOpened", "report.ordersClosed", "report.ordersBreached"}
                : new String[] {"report.offered", "report.answered", "report.abandoned"};
        String[] colours = {"#90a4ae", "#2e7d32", "#c62828"};
        JsonArrayBuilder datasets = JSON.createArrayBuilder();
        for (int i = 0; i < 3; i++) {
            datasets.add(JSON.createObjectBuilder().add("label", msg.getString(keys[i])).add("data", series[i])
                    .add("backgroundColor", colours[i]));
        }
        return JSON.createObjectBuilder().add("type", "bar")
                .add("data", JSON.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add("options", JSON.createObjectBuilder().add("responsive", true)
                        .add("plugins", JSON.createObjectBuilder().add("legend", JSON.createObjectBuilder().add("position", "bottom"))))
                .build().toString();
    }

    public void advise() {
        try {
            advice = reports.staffing(from, to, hour, queue == null || queue.isBlank() ? null : queue);
        } catch (IllegalArgumentException | jakarta.ejb.EJBException e) {
            advice = null;
            error("report.badPeriod");
        }
    }

    public void exportCsv() throws IOException {
        export("text/csv; charset=UTF-8", "csv", (named, out) -> StatisticsExport.csv(headings(), named, out));
    }

    public void exportXlsx() throws IOException {
        export("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx",
                (named, out) -> StatisticsExport.xlsx(title(), headings(), named, out));
    }

    public void exportPdf() throws IOException {
        export("application/pdf", "pdf", (named, out) -> StatisticsExport.pdf(title(), headings(), named, out));
    }

    private interface Body {
        void write(List<DayRow> named, OutputStream out) throws IOException;
    }

    /**
     * Sends the figures as a file, the keys by their names; a period the screen refuses is refused here the same way
     * (the message on the page, no file).
     */
    private void export(String contentType, String extension, Body body) throws IOException {
        rows = read();
        if (FacesContext.getCurrentInstance().getMessageList().stream()
                .anyMatch(m -> m.getSeverity() == FacesMessage.SEVERITY_ERROR)) {
            return;
        }
        List<DayRow> named = rows.stream().map(r -> new DayRow(r.day(), keyName(r.key()), r.offered(), r.answered(), r.abandoned(),
                r.answeredWithinSl(), r.waitSeconds(), r.handleSeconds(), r.firstContactResolved(), r.ordersOpened(),
                r.ordersClosed(), r.ordersBreached(), r.csatResponses(), r.csatScoreSum())).toList();
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.responseReset();
        external.setResponseContentType(contentType);
        external.setResponseHeader("Content-Disposition", "attachment; filename=\""
                + StatisticsExport.fileName(dimension, from, to, extension) + "\"");
        body.write(named, external.getResponseOutputStream());
        faces.responseComplete();
    }

    private String title() {
        return StatisticsExport.title(bundle()::getString, dimension, from, to);
    }

    private List<String> headings() {
        return StatisticsExport.headings(bundle()::getString);
    }

    private static ResourceBundle bundle() {
        return FacesText.bundle();
    }

    private static void error(String key) {
        FacesText.message(FacesMessage.SEVERITY_ERROR, key);
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public String getDimension() {
        return dimension;
    }

    public void setDimension(String dimension) {
        if (!java.util.Objects.equals(this.dimension, dimension)) {
            keyNames = null;
        }
        this.dimension = dimension;
    }

    public int getHour() {
        return hour;
    }

    public void setHour(int hour) {
        this.hour = hour;
    }

    public String getQueue() {
        return queue;
    }

    public void setQueue(String queue) {
        this.queue = queue;
    }

    public StatisticsReports.StaffingAdvice getAdvice() {
        return advice;
    }
}
