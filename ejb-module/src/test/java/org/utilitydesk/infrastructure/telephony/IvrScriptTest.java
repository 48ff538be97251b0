package org.utilitydesk.infrastructure.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class IvrScriptTest {

    private static final YearMonth NOW = YearMonth.now(ZoneId.of("Asia/Shanghai"));

    private static String digits(YearMonth month) {
        return String.format("%04d%02d", month.getYear(), month.getMonthValue());
    }

    @Test
    void aMonthIsSixDigitsYearThenMonthWithinTheLastTwoYears() {
        assertThat(IvrScript.statementMonth(digits(NOW.minusMonths(1)))).contains(NOW.minusMonths(1));
        assertThat(IvrScript.statementMonth(digits(NOW))).contains(NOW);
        assertThat(IvrScript.statementMonth(digits(NOW.minusMonths(IvrScript.STATEMENT_MONTHS)))).isPresent();
    }

    @Test
    void anythingElseIsNoMonth() {
        assertThat(IvrScript.statementMonth(null)).isEmpty();
        assertThat(IvrScript.statementMonth("")).isEmpty();
        assertThat(IvrScript.statementMonth("20261")).isEmpty();
        assertThat(IvrScript.statementMonth("202613")).isEmpty();
        assertThat(IvrScript.statementMonth("202600")).isEmpty();
        assertThat(IvrScript.statementMonth("20*610")).isEmpty();
        assertThat(IvrScript.statementMonth(digits(NOW.plusMonths(1)))).as("the future").isEmpty();
        assertThat(IvrScript.statementMonth(digits(NOW.minusMonths(IvrScript.STATEMENT_MONTHS + 1)))).as("too old").isEmpty();
    }
}
