package org.utilitydesk.infrastructure.telephony;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.utilitydesk.application.BillingService;
import org.utilitydesk.application.OutboundCalls;
import org.utilitydesk.application.Surveys;
import org.utilitydesk.domain.model.call.OutboundCall;
import org.utilitydesk.domain.model.ivr.Prompt;
import org.utilitydesk.domain.model.ivr.SpokenLanguage;

/**
 * What a customer hears when they answer a call the application placed (script path {@code outbound}; the
 * sample dialplan runs it for every purpose but click-to-dial and callbacks): a payment reminder reads the
 * amount due and its due date, composed from the application's prompts in the channel's language, and offers
 * to repeat it; a callback survey asks for a score by keypad and an optional spoken comment.
 */
@ApplicationScoped
public class OutboundScript implements AgiScript {

    private static final Logger LOG = Logger.getLogger(OutboundScript.class.getName());

    @Inject
    private OutboundCalls outboundCalls;

    @Inject
    private BillingService billing;

    @Inject
    private Surveys surveys;

    @Inject
    private Recordings recordings;

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        String variable = channel.getVariable("UD_OUTBOUND_ID");
        Optional<OutboundCall> call = variable != null && variable.matches("\\d{1,18}")
                ? outboundCalls.find(Long.parseLong(variable)) : Optional.empty();
        if (call.isEmpty()) {
            LOG.warning(() -> "outbound script on channel " + request.getChannel() + " for unknown call '" + variable
                    + "'; hanging up");
            IvrCall.hangUp(channel);
            return;
        }
        SpokenLanguage language = SpokenLanguage.ofChannel(request.getLanguage());
        try {
            switch (call.get().getPurpose()) {
                case REMINDER -> remind(channel, call.get(), language);
                case SURVEY -> survey(channel, call.get(), language);
                default -> LOG.warning(() -> "outbound call " + variable + " (" + call.get().getPurpose()
                        + ") has no outbound script; hanging up");
            }
            IvrCall.hangUp(channel);
        } catch (AgiHangupException e) {
            LOG.fine(() -> "customer hung up outbound call " + variable);
        }
    }

    /** "您好，这里是95598 … 您的应缴金额 … 缴费截止日期 … 请及时缴费 … 重听请按1". */
    private void remind(AgiChannel channel, OutboundCall call, SpokenLanguage language) throws AgiException {
        Optional<BillingService.BillSummary> bill = call.getAccountId() == null ? Optional.empty()
                : billing.summary(call.getAccountId());
        Prompts.play(channel, Prompt.REMINDER_INTRO);
        if (bill.isEmpty() || bill.get().amountDue().signum() <= 0) {
            Prompts.play(channel, Prompt.REMINDER_SETTLED);
            return;
        }
        for (int heard = 0; heard < 2; heard++) {
            Prompts.play(channel, IvrReadouts.bill(IvrCall.say(language), bill.get()));
            Prompts.play(channel, Prompt.REMINDER_HOW_TO_PAY);
            if (!"1".equals(Prompts.choose(channel, Prompt.REMINDER_REPEAT, 5000))) {
                break;
            }
        }
        Prompts.play(channel, Prompt.GOODBYE);
    }

    /**
     * "您好，这里是95598回访 … 工单 … 请为我们的服务打分，1到5分 … 请在提示音后留下您的意见，按#结束 … 谢谢".
     * A key other than 1 to 5 is asked again twice; the comment is optional (silence or # ends it).
     */
    private void survey(AgiChannel channel, OutboundCall call, SpokenLanguage language) throws AgiException {
        Optional<Surveys.SurveyCall> survey = surveys.forCall(call.getId());
        if (survey.isEmpty()) {
            LOG.info(() -> "survey call " + call.getId() + " has no open survey (answered already?); hanging up");
            Prompts.play(channel, Prompt.GOODBYE);
            return;
        }
        Prompts.play(channel, IvrCall.say(language).then(Prompt.SURVEY_INTRO)
                .digits(survey.get().orderNo()).build());
        Integer score = null;
        for (int attempt = 0; attempt < 3 && score == null; attempt++) {
            String key = Prompts.choose(channel, Prompt.SURVEY_SCORE, 6000);
            if (key != null && key.matches("[1-5]")) {
                score = Integer.valueOf(key);
            } else if (attempt < 2) {
                Prompts.play(channel, Prompt.SURVEY_INVALID);
            }
        }
        if (score == null) {
            surveys.unreached(call.getId(), "NO_SCORE");
            Prompts.play(channel, Prompt.GOODBYE);
            return;
        }
        Prompts.play(channel, Prompt.SURVEY_COMMENT);
        String recording = recordings.surveyComment(channel, call.channelId()).file();
        Surveys.Outcome outcome = surveys.answer(survey.get().surveyId(), new Surveys.Answer(score, null, recording, "IVR"));
        Prompts.play(channel, outcome.followUpOrderNo() != null ? Prompt.SURVEY_FOLLOW_UP : Prompt.SURVEY_THANKS);
    }
}
