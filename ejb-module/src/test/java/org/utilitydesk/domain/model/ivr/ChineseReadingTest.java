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

/** Numbers, money, dates and times as a Mandarin-speaking caller hears them, checked as the text of the prompts played. */
class ChineseReadingTest {

    private static final Reading ZH = SpokenLanguage.ZH.reading();
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    private static String heard(List<String> prompts) {
        return PromptCatalogue.text(SpokenLanguage.ZH, prompts);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "0, 零", "1, 一", "2, 二", "7, 七", "10, 十", "11, 十一", "15, 十五", "20, 二十", "22, 二十二", "99, 九十九",
        "100, 一百", "101, 一百零一", "110, 一百一十", "119, 一百一十九", "200, 两百", "222, 两百二十二", "305, 三百零五",
        "1000, 一千", "1005, 一千零五", "1050, 一千零五十", "1200, 一千二百", "2000, 两千", "2002, 两千零二",
        "10000, 一万", "10020, 一万零二十", "10200, 一万零二百", "12000, 一万二千", "20000, 两万", "22000, 两万二千",
        "100000, 十万", "100010, 十万零一十", "105000, 十万五千", "110000, 十一万", "1000000, 一百万", "2000000, 两百万",
        "10000000, 一千万", "10000001, 一千万零一", "100000000, 一亿", "200000000, 两亿", "100000001, 一亿零一",
        "100010000, 一亿零一万", "110000000, 一亿一千万", "123456789, 一亿二千三百四十五万六千七百八十九",
        "1000000000000, 一万亿", "-5, 负五", "-120, 负一百二十"
    })
    void wholeNumbers(long n, String said) {
        assertThat(heard(ZH.number(n))).isEqualTo(said);
    }

    @Test
    void aLoneTwoBeforeAMeasureWordIsLiang() {
        assertThat(heard(ZH.count(2))).isEqualTo("两");
        assertThat(heard(ZH.count(12))).isEqualTo("十二");
        assertThat(heard(ZH.count(235))).isEqualTo("两百三十五");
    }

    @ParameterizedTest(name = "{0} 元 is {1}")
    @CsvSource({
        "123.45, 一百二十三元四角五分", "0.50, 五角", "0.5, 五角", "0.05, 五分", "0.55, 五角五分", "3.05, 三元零五分",
        "3.50, 三元五角", "100, 一百元", "100.00, 一百元", "10020, 一万零二十元", "2.00, 两元", "2.22, 两元两角两分",
        "12.20, 十二元两角", "0, 零元", "0.00, 零元",
        "0.004, 零元", "-0.004, 零元", "0.005, 一分", "1.995, 两元", "99.994, 九十九元九角九分", "-35.50, 负三十五元五角"
    })
    void money(BigDecimal yuan, String said) {
        assertThat(heard(ZH.money(yuan))).isEqualTo(said);
    }

    @Test
    void datesGiveTheYearOnlyWhenItIsNotThisYear() {
        assertThat(heard(ZH.date(LocalDate.of(2026, 12, 5), TODAY))).isEqualTo("十二月五日");
        assertThat(heard(ZH.date(LocalDate.of(2026, 1, 31), TODAY))).isEqualTo("一月三十一日");
        assertThat(heard(ZH.date(LocalDate.of(2027, 2, 20), TODAY))).isEqualTo("二零二七年二月二十日");
        assertThat(heard(ZH.date(LocalDate.of(2025, 10, 1), TODAY))).isEqualTo("二零二五年十月一日");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "14:30, 下午两点三十分", "14:00, 下午两点整", "14:05, 下午两点零五分", "09:00, 上午九点整", "08:10, 上午八点十分",
        "12:00, 中午十二点整", "12:45, 中午十二点四十五分", "00:30, 凌晨零点三十分", "05:02, 凌晨五点零二分",
        "18:20, 晚上六点二十分", "23:59, 晚上十一点五十九分", "22:22, 晚上十点二十二分", "02:00, 凌晨两点整"
    })
    void timesOfDay(LocalTime time, String said) {
        assertThat(heard(ZH.time(time))).isEqualTo(said);
    }

    @Test
    void aMonthWithItsYear() {
        assertThat(heard(ZH.month(YearMonth.of(2026, 10)))).isEqualTo("二零二六年十月");
    }

    @Test
    void orderNumbersDigitByDigitWithYaoForOne() {
        List<String> prompts = ZH.digits("GD2026120700000012");
        assertThat(heard(prompts)).isEqualTo("二零二六幺二零七零零零零零零幺二");
        assertThat(prompts).as("a pause after every four digits").containsSubsequence("say/6", "say/pause", "say/yao");
        assertThat(prompts.stream().filter("say/pause"::equals)).hasSize(3);
    }

    @Test
    void anUtteranceSaysRelativeDaysAndTimes() {
        Utterance said = Utterance.in(SpokenLanguage.ZH, TODAY).then(Prompt.OUTAGE_ACTIVE)
                .moment(TODAY.atTime(9, 0).atZone(java.time.ZoneId.of("Asia/Shanghai")))
                .then(Prompt.OUTAGE_UNTIL).moment(TODAY.plusDays(1).atTime(17, 30).atZone(java.time.ZoneId.of("Asia/Shanghai")))
                .build();
        assertThat(heard(said.prompts())).isEqualTo("您所在的区域正在停电，停电开始于今天上午九点整，预计恢复供电时间为明天下午五点三十分");
    }
}
