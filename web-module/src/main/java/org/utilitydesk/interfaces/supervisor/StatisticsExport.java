package org.utilitydesk.interfaces.supervisor;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.utilitydesk.application.StatisticsReports.DayRow;

/**
 * Writes a statistics report as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read the Chinese
 * headings), XLSX (Apache POI, streamed) or PDF (OpenPDF, with the Adobe STSong font every PDF reader has for
 * Chinese). Every format carries the same columns: the figures and the rates derived from them.
 */
public final class StatisticsExport {

    /** Column headings, in the reader's language, in the order {@link #values} gives the cells. */
    public static final String[] HEADING_KEYS = {"report.day", "report.key", "report.offered", "report.answered", "report.abandoned",
        "report.serviceLevel", "report.asa", "report.aht", "report.fcr", "report.ordersOpened", "report.ordersClosed",
        "report.ordersBreached", "report.csat"};

    private StatisticsExport() {
    }

    /** The column headings, each looked up by {@code text}. */
    public static List<String> headings(java.util.function.UnaryOperator<String> text) {
        return java.util.Arrays.stream(HEADING_KEYS).map(text).toList();
    }

    /** "话务与工单统计 队列 2026-11-17 ~ 2026-11-23", each word looked up by {@code text}. */
    public static String title(java.util.function.UnaryOperator<String> text, String dimension, java.time.LocalDate from,
                               java.time.LocalDate to) {
        return text.apply("report.title") + " " + text.apply("report.dimension." + dimension) + " " + from + " ~ " + to;
    }

    /** A row's cells; satisfaction is empty on a day without surveys (no answer is not a score of 0). */
    public static Object[] values(DayRow r) {
        return new Object[] {r.day().toString(), r.key(), r.offered(), r.answered(), r.abandoned(), round(r.serviceLevel()),
            round(r.asa()), round(r.aht()), round(r.firstContactResolution()), r.ordersOpened(), r.ordersClosed(),
            r.ordersBreached(), r.csatResponses() == 0 ? "" : round(r.csat())};
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    public static void csv(List<String> headings, List<DayRow> rows, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        w.write(String.join(",", headings.stream().map(StatisticsExport::quoted).toList()));
        w.write("\r\n");
        for (DayRow r : rows) {
            Object[] v = values(r);
            for (int i = 0; i < v.length; i++) {
                w.write((i == 0 ? "" : ",") + quoted(String.valueOf(v[i])));
            }
            w.write("\r\n");
        }
        w.flush();
    }

    /** RFC 4180 quoting; a cell a spreadsheet would run as a formula is prefixed with an apostrophe. */
    private static String quoted(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !value.matches("-?\\d+(\\.\\d+)?")
                ? "'" + value : value;
        return safe.matches("[^\",\r\n]*") ? safe : "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    public static void xlsx(String title, List<String> headings, List<DayRow> rows, OutputStream out) throws IOException {
        try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
            Sheet sheet = book.createSheet(title.length() > 31 ? title.substring(0, 31) : title);
            CellStyle bold = book.createCellStyle();
            org.apache.poi.ss.usermodel.Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row head = sheet.createRow(0);
            for (int i = 0; i < headings.size(); i++) {
                head.createCell(i).setCellValue(headings.get(i));
                head.getCell(i).setCellStyle(bold);
            }
            int n = 1;
            for (DayRow r : rows) {
                Row row = sheet.createRow(n++);
                Object[] v = values(r);
                for (int i = 0; i < v.length; i++) {
                    if (v[i] instanceof Number number) {
                        row.createCell(i).setCellValue(number.doubleValue());
                    } else {
                        row.createCell(i).setCellValue(String.valueOf(v[i]));
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            book.write(out);
            book.dispose();
        }
    }

    public static void pdf(String title, List<String> headings, List<DayRow> rows, OutputStream out) throws IOException {
        Document document = new Document(PageSize.A4.rotate(), 24, 24, 24, 24);
        try {
            PdfWriter.getInstance(document, out);
            BaseFont song = BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
            Font titleFont = new Font(song, 14, Font.BOLD);
            Font headFont = new Font(song, 8, Font.BOLD);
            Font cellFont = new Font(song, 8);
            document.addTitle(title);
            document.open();
            document.add(new Paragraph(title, titleFont));
            PdfPTable table = new PdfPTable(headings.size());
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            table.setSpacingBefore(8);
            for (String heading : headings) {
                table.addCell(new com.lowagie.text.Phrase(heading, headFont));
            }
            for (DayRow r : rows) {
                for (Object v : values(r)) {
                    table.addCell(new com.lowagie.text.Phrase(String.valueOf(v), cellFont));
                }
            }
            document.add(table);
        } catch (DocumentException e) {
            throw new IOException("the PDF report could not be written: " + e.getMessage(), e);
        } finally {
            document.close();
        }
    }

    public static String fileName(String dimension, java.time.LocalDate from, java.time.LocalDate to, String extension) {
        return "statistics-" + dimension.toLowerCase(Locale.ROOT) + "-" + from + "-" + to + "." + extension;
    }
}
