package org.utilitydesk.infrastructure.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.utilitydesk.application.BillingService.BillSummary;
import org.utilitydesk.application.BillingService.MonthStatement;
import org.utilitydesk.application.OutageService;
import org.utilitydesk.domain.model.customer.EnergyType;
import org.utilitydesk.domain.model.ivr.PromptCatalogue;
import org.utilitydesk.domain.model.ivr.SpokenLanguage;
import org.utilitydesk.domain.model.ivr.Utterance;

/** The bill, a month's statement and an outage as the caller hears them, in both languages. */
class IvrReadoutsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static String zh(Utterance utterance) {
        return PromptCatalogue.text(SpokenLanguage.ZH, utterance.prompts());
    }

    private static String en(Utterance utterance) {
        return PromptCatalogue.text(SpokenLanguage.EN, utterance.prompts());
    }

    private static Utterance.Builder say(SpokenLanguage language) {
        return Utterance.in(language, TODAY);
    }

    @Test
    void aBillWithWhatIsDueAndTheLastPayment() {
        BillSummary bill = new BillSummary(new BigDecimal("123.45"), LocalDate.of(2026, 12, 15), new BigDecimal("88.00"),
                LocalDate.of(2026, 11, 3).atTime(10, 0).atZone(SHANGHAI).toInstant());
        assertThat(zh(IvrReadouts.bill(say(SpokenLanguage.ZH), bill)))
                .isEqualTo("您的应缴金额为一百二十三元四角五分，缴费截止日期为十二月十五日。您最近一次缴费八十八元，缴费时间为十一月三日");
        assertThat(en(IvrReadouts.bill(say(SpokenLanguage.EN), bill))).isEqualTo("The amount due is one hundred twenty three yuan"
                + " forty five fen , to be paid by December fifteenth . Your last payment was eighty eight yuan , made on November third");
    }

    @Test
    void aCreditIsSaidAsACreditAndNothingOwedAsNothingToPay() {
        assertThat(zh(IvrReadouts.bill(say(SpokenLanguage.ZH), new BillSummary(new BigDecimal("-20.50"), null, null, null))))
                .isEqualTo("您的账户没有欠费，预存余额为二十元五角");
        assertThat(zh(IvrReadouts.bill(say(SpokenLanguage.ZH), new BillSummary(BigDecimal.ZERO, null, new BigDecimal("2"),
                LocalDate.of(2025, 12, 31).atStartOfDay(SHANGHAI).toInstant()))))
                .isEqualTo("您目前没有待缴的费用。。您最近一次缴费两元，缴费时间为二零二五年十二月三十一日");
    }

    @Test
    void aMonthsStatementSettledOrNot() {
        MonthStatement paid = new MonthStatement(YearMonth.of(2026, 10), EnergyType.ELECTRICITY, new BigDecimal("235.4"), new BigDecimal("128.40"),
                new BigDecimal("128.40"), LocalDate.of(2026, 11, 20), true);
        assertThat(zh(IvrReadouts.statement(say(SpokenLanguage.ZH), paid)))
                .isEqualTo("您查询的是二零二六年十月的账单，用量两百三十五度，账单金额一百二十八元四角，已经缴清。");
        MonthStatement open = new MonthStatement(YearMonth.of(2026, 11), EnergyType.ELECTRICITY, new BigDecimal("2"), new BigDecimal("10.00"),
                new BigDecimal("4.50"), LocalDate.of(2026, 12, 20), false);
        assertThat(zh(IvrReadouts.statement(say(SpokenLanguage.ZH), open)))
                .isEqualTo("您查询的是二零二六年十一月的账单，用量两度，账单金额十元，尚未缴清，待缴金额五元五角，缴费截止日期为十二月二十日");
        assertThat(en(IvrReadouts.statement(say(SpokenLanguage.EN), open))).isEqualTo("This is your bill for November twenty twenty six"
                + " . You used two kilowatt hours, and the bill is ten yuan . It is not fully paid. Still to pay: five yuan fifty fen"
                + " , to be paid by December twentieth");
    }

    @Test
    void gasIsMeasuredInCubicMetres() {
        MonthStatement gas = new MonthStatement(YearMonth.of(2026, 11), EnergyType.GAS, new BigDecimal("31.6"), new BigDecimal("96.10"),
                new BigDecimal("96.10"), LocalDate.of(2026, 12, 20), true);
        assertThat(zh(IvrReadouts.statement(say(SpokenLanguage.ZH), gas)))
                .isEqualTo("您查询的是二零二六年十一月的账单，用量三十二立方米，账单金额九十六元一角，已经缴清。");
        assertThat(en(IvrReadouts.statement(say(SpokenLanguage.EN), gas))).contains("You used thirty two cubic metres of gas,");
    }

    @Test
    void anOutageWithItsWindowInLocalTime() {
        OutageService.Notice notice = new OutageService.Notice(false, true,
                TODAY.plusDays(1).atTime(8, 30).atZone(SHANGHAI).toInstant(), TODAY.plusDays(3).atTime(18, 0).atZone(SHANGHAI).toInstant(),
                "线路检修", "maintenance");
        assertThat(zh(IvrReadouts.outage(say(SpokenLanguage.ZH), new IvrReadouts.Outage(notice, Optional.empty()))))
                .isEqualTo("您所在的区域有计划停电，停电开始时间为明天上午八点三十分，预计恢复供电时间为十二月十日晚上六点整");
        Utterance withReason = IvrReadouts.outage(say(SpokenLanguage.ZH), new IvrReadouts.Outage(notice, Optional.of("tts/zh-0a1b2c")));
        assertThat(withReason.prompts()).endsWith("outage-reason", "tts/zh-0a1b2c");
    }
}
