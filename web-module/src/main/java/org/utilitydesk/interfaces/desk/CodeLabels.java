package org.utilitydesk.interfaces.desk;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.utilitydesk.application.CallRouting;
import org.utilitydesk.application.CallRouting.Choice;
import org.utilitydesk.application.CustomerContacts.HistoryLine;
import org.utilitydesk.application.StatisticsReports;

/** Stored codes (statuses, channels, outcomes, dispositions) in the viewer's words, for any page. */
@Named("labels")
@RequestScoped
public class CodeLabels {

    @Inject
    private CallRouting routing;

    @Inject
    private LocaleSelection localeSelection;

    @Inject
    private StatisticsReports references;

    private List<Choice> dispositions;
    private java.util.Map<String, StatisticsReports.KeyName> skills;

    /** The bundle's name for {@code prefix + code}; the code itself if it has none, "" for none. */
    public String code(String prefix, String code) {
        return FacesText.label(prefix, code);
    }

    /** A disposition code of a past call by its name in the viewer's language. */
    public String disposition(String code) {
        if (code == null) {
            return "";
        }
        if (dispositions == null) {
            dispositions = routing.dispositions();
        }
        boolean english = "en".equals(localeSelection.getLocale().getLanguage());
        return dispositions.stream().filter(d -> d.code().equals(code)).findFirst()
                .map(d -> english ? d.nameEn() : d.nameZh()).orElse(code);
    }

    /** A skill (the line a caller waits on) by its name in the viewer's language. */
    public String skill(String code) {
        if (code == null) {
            return "";
        }
        if (skills == null) {
            skills = references.keyNames(StatisticsReports.Dimension.SKILL);
        }
        StatisticsReports.KeyName name = skills.get(code);
        return name == null ? code : "en".equals(localeSelection.getLocale().getLanguage()) ? name.nameEn() : name.nameZh();
    }

    /** What came of a contact: a call's outcome and disposition, or the order a contact opened or added to. */
    public String contactOutcome(HistoryLine line) {
        if (line.orderNo() != null) {
            return FacesText.text("contact.order." + line.orderOutcome(), line.orderNo());
        }
        String outcome = code("callOutcome.", line.callOutcome());
        String disposition = disposition(line.disposition());
        return outcome.isEmpty() || disposition.isEmpty() ? outcome + disposition : outcome + " · " + disposition;
    }
}
