package org.utilitydesk.domain.model.ivr;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a caller hears in one go: prompt names in order, fixed prompts and values read in the call's
 * language ("您的应缴金额为" + 一百二十三元四角五分 + "，缴费截止日期为" + 十二月五日).
 */
public record Utterance(List<String> prompts) {

    /** A prompt name: a path of lower-case words under utilitydesk/, nothing a telephone system would read as an option. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9_-]+(/[a-z0-9_-]+)*");

    public Utterance {
        prompts = List.copyOf(prompts);
        for (String prompt : prompts) {
            if (!isPromptName(prompt)) {
                throw new IllegalArgumentException("not a prompt name: '" + prompt + "'");
            }
        }
    }

    /** Whether a name can be a prompt's file (and cannot be read by the telephone system as options or a list). */
    public static boolean isPromptName(String name) {
        return NAME.matcher(name).matches();
    }

    /** Starts an utterance in {@code language}; dates are read against {@code today}. */
    public static Builder in(SpokenLanguage language, LocalDate today) {
        return new Builder(language.reading(), today);
    }

    /** Builds an utterance piece by piece. */
    public static final class Builder {
        private final Reading reading;
        private final LocalDate today;
        private final List<String> prompts = new ArrayList<>();

        private Builder(Reading reading, LocalDate today) {
            this.reading = reading;
            this.today = today;
        }

        public Builder then(Prompt prompt) {
            prompts.add(prompt.file());
            return this;
        }

        /** A prompt named by data (a menu node's prompt). */
        public Builder then(String prompt) {
            prompts.add(prompt);
            return this;
        }

        public Builder count(long n) {
            prompts.addAll(reading.count(n));
            return this;
        }

        public Builder money(BigDecimal yuan) {
            prompts.addAll(reading.money(yuan));
            return this;
        }

        public Builder date(LocalDate day) {
            prompts.addAll(reading.date(day, today));
            return this;
        }

        /** A moment: today, tomorrow or yesterday, else its date, then the time of day. */
        public Builder moment(ZonedDateTime at) {
            LocalDate day = at.toLocalDate();
            if (day.equals(today)) {
                then(Prompt.TODAY);
            } else if (day.equals(today.plusDays(1))) {
                then(Prompt.TOMORROW);
            } else if (day.equals(today.minusDays(1))) {
                then(Prompt.YESTERDAY);
            } else {
                date(day);
            }
            prompts.addAll(reading.time(LocalTime.of(at.getHour(), at.getMinute())));
            return this;
        }

        public Builder month(YearMonth month) {
            prompts.addAll(reading.month(month));
            return this;
        }

        public Builder digits(String digits) {
            prompts.addAll(reading.digits(digits));
            return this;
        }

        public Utterance build() {
            return new Utterance(prompts);
        }
    }
}
