package org.utilitydesk.interfaces.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.utilitydesk.application.StatisticsReports.DayRow;

class StatisticsExportTest {

    private static String csvWithKey(String key) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StatisticsExport.csv(List.of("日期", "键"), List.of(new DayRow(LocalDate.of(2026, 12, 1), key, 3, 2, 1, 2, 30, 300, 1,
                4, 2, 0, 0, 0)), out);
        String text = out.toString(StandardCharsets.UTF_8);
        return text.substring(text.indexOf("\r\n") + 2);
    }

    @Test
    void aCellASpreadsheetWouldRunAsAFormulaIsWrittenAsText() throws Exception {
        assertThat(csvWithKey("=HYPERLINK(\"http://x\",\"y\")")).startsWith("2026-12-01,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",3,");
        assertThat(csvWithKey("+1+cmd|' /C calc'!A0")).startsWith("2026-12-01,'+1+cmd|' /C calc'!A0,3,");
        assertThat(csvWithKey("-2+3")).startsWith("2026-12-01,'-2+3,");
        assertThat(csvWithKey("@SUM(A1)")).startsWith("2026-12-01,'@SUM(A1),");
        assertThat(csvWithKey("\t=1")).startsWith("2026-12-01,'\t=1,");
        assertThat(csvWithKey("\r=1")).startsWith("2026-12-01,\"'\r=1\",");
    }

    @Test
    void numbersAndPlainTextStayAsTheyAre() throws Exception {
        assertThat(csvWithKey("Q-BILLING")).startsWith("2026-12-01,Q-BILLING,3,2,1,");
        assertThat(csvWithKey("-5")).startsWith("2026-12-01,-5,");
        assertThat(csvWithKey("城区一班, \"抢修\"")).startsWith("2026-12-01,\"城区一班, \"\"抢修\"\"\",");
    }
}
