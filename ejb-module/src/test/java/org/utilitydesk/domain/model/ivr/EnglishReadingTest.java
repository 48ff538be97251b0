package org.utilitydesk.domain.model.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Numbers, money, dates and times as an English-speaking caller hears them. */
class EnglishReadingTest {

    private static final Reading EN = SpokenLanguage.EN.reading();
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    private static String heard(List<String> prompts) {
        return PromptCatalogue.text(SpokenLanguage.EN, prompts);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "0, zero", "7, seven", "13, thirteen", "20, twenty", "42, forty two", "100, one hundred", "105, one hundred five",
        "10020, ten thousand twenty", "123456, one hundred twenty three thousand four hundred fifty six",
        "2000000, two million", "1000000001, one billion one", "-3, minus three"
    })
    void wholeNumbers(long n, String said) {
        assertThat(heard(EN.number(n))).isEqualTo(said);
    }

    @ParameterizedTest(name = "{0} yuan is {1}")
    @CsvSource({
        "123.45, one hundred twenty three yuan forty five fen", "0.50, fifty fen", "12, twelve yuan", "0, zero yuan",
        "1.005, one yuan one fen", "-7.5, minus seven yuan fifty fen"
    })
    void money(BigDecimal yuan, String said) {
        assertThat(heard(EN.money(yuan))).isEqualTo(said);
    }

    @Test
    void datesAndMonths() {
        assertThat(heard(EN.date(LocalDate.of(2026, 12, 5), TODAY))).isEqualTo("December fifth");
        assertThat(heard(EN.date(LocalDate.of(2025, 3, 22), TODAY))).isEqualTo("March twenty second twenty twenty five");
        assertThat(heard(EN.date(LocalDate.of(2009, 3, 1), TODAY))).isEqualTo("March first two thousand nine");
        assertThat(heard(EN.month(YearMonth.of(1905, 10)))).isEqualTo("October nineteen oh five");
        assertThat(heard(EN.month(YearMonth.of(1900, 10)))).isEqualTo("October nineteen hundred");
        assertThat(heard(EN.month(YearMonth.of(2026, 10)))).isEqualTo("October twenty twenty six");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "14:30, two thirty p m", "14:00, two o'clock p m", "09:05, nine oh five a m", "12:00, twelve noon",
        "00:15, twelve fifteen a m", "23:59, eleven fifty nine p m"
    })
    void timesOfDay(LocalTime time, String said) {
        assertThat(heard(EN.time(time))).isEqualTo(said);
    }

    @Test
    void digitsOneByOne() {
        assertThat(heard(EN.digits("GD2026"))).isEqualTo("two zero two six");
    }
}
