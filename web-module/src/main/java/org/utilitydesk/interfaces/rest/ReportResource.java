package org.utilitydesk.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.utilitydesk.application.StatisticsReports;
import org.utilitydesk.application.StatisticsReports.DayRow;
import org.utilitydesk.interfaces.security.Roles;
import org.utilitydesk.interfaces.supervisor.StatisticsExport;

/**
 * Statistics for supervisors and reporting tools: {@code GET /api/reports/daily?from=&to=&by=&format=} gives
 * the whole-day figures as JSON, CSV, XLSX or PDF (headings in the caller's language);
 * {@code GET /api/reports/staffing?from=&to=&hour=&queue=} the Erlang C advice for an hour of the day.
 */
@Path("reports")
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
public class ReportResource {

    @Inject
    private StatisticsReports reports;

    @Context
    private HttpHeaders headers;

    @GET
    @Path("daily")
    public Response daily(@QueryParam("from") String from, @QueryParam("to") String to,
                          @QueryParam("by") @DefaultValue("CENTER") String by, @QueryParam("format") @DefaultValue("json") String format) {
        LocalDate start = date(from);
        LocalDate end = date(to);
        StatisticsReports.Dimension dimension = Arrays.stream(StatisticsReports.Dimension.values())
                .filter(d -> d.name().equalsIgnoreCase(by)).findFirst().orElse(null);
        if (start == null || end == null || dimension == null || end.isBefore(start) || end.toEpochDay() - start.toEpochDay() >= 366) {
            return ApiError.response(headers.getAcceptableLanguages(), Response.Status.BAD_REQUEST, "badReportQuery");
        }
        List<DayRow> rows = reports.daily(start, end, dimension);
        java.util.function.UnaryOperator<String> text = key -> Localized.message(headers.getAcceptableLanguages(), key);
        List<String> headings = StatisticsExport.headings(text);
        String title = StatisticsExport.title(text, dimension.name(), start, end);
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "json" -> Response.ok(rows, MediaType.APPLICATION_JSON + ";charset=UTF-8").build();
            case "csv" -> file((StreamingOutput) out -> StatisticsExport.csv(headings, rows, out), "text/csv;charset=UTF-8",
                    StatisticsExport.fileName(dimension.name(), start, end, "csv"));
            case "xlsx" -> file((StreamingOutput) out -> StatisticsExport.xlsx(title, headings, rows, out),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    StatisticsExport.fileName(dimension.name(), start, end, "xlsx"));
            case "pdf" -> file((StreamingOutput) out -> StatisticsExport.pdf(title, headings, rows, out), "application/pdf",
                    StatisticsExport.fileName(dimension.name(), start, end, "pdf"));
            default -> ApiError.response(headers.getAcceptableLanguages(), Response.Status.BAD_REQUEST, "badReportQuery");
        };
    }

    @GET
    @Path("staffing")
    public Response staffing(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("hour") @DefaultValue("-1") int hour,
                             @QueryParam("queue") String queue) {
        LocalDate start = date(from);
        LocalDate end = date(to);
        if (start == null || end == null || hour < 0 || hour > 23 || end.isBefore(start) || end.toEpochDay() - start.toEpochDay() >= 366
                || queue != null && !queue.isBlank() && !reports.queues().contains(queue)) {
            return ApiError.response(headers.getAcceptableLanguages(), Response.Status.BAD_REQUEST, "badReportQuery");
        }
        return Response.ok(reports.staffing(start, end, hour, queue == null || queue.isBlank() ? null : queue),
                MediaType.APPLICATION_JSON + ";charset=UTF-8").build();
    }

    private static Response file(StreamingOutput body, String type, String name) {
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    private static LocalDate date(String value) {
        try {
            return value == null ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
