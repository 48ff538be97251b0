package org.utilitydesk.domain.model.ivr;

import java.util.Locale;

/**
 * The languages the IVR speaks. Each has its own folder of prompts on the telephone system
 * ({@code <sounds>/zh/utilitydesk/…}, {@code <sounds>/en/utilitydesk/…}) and its own way of reading numbers,
 * money and dates.
 */
public enum SpokenLanguage {
    ZH("zh"), EN("en");

    private final String code;

    SpokenLanguage(String code) {
        this.code = code;
    }

    /** The channel language code the telephone system uses for this language's prompt folder. */
    public String code() {
        return code;
    }

    /** The language of a channel as the telephone system names it ("zh", "en_GB", empty): Chinese unless English. */
    public static SpokenLanguage ofChannel(String channelLanguage) {
        return channelLanguage != null && channelLanguage.toLowerCase(Locale.ROOT).startsWith("en") ? EN : ZH;
    }

    /** How values are read aloud in this language, as prompt names. */
    public Reading reading() {
        return this == EN ? EnglishReading.INSTANCE : ChineseReading.INSTANCE;
    }
}
