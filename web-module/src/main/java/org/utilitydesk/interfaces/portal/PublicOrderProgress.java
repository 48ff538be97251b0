package org.utilitydesk.interfaces.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.utilitydesk.application.OrderProgress;
import org.utilitydesk.interfaces.facade.OrderProgressView;
import org.utilitydesk.interfaces.facade.Texts;

/**
 * The portal's progress query ({@code portal/order.xhtml}): order number and the last four digits of the
 * phone on the order, posted (not put in the address), answered in the browser's language.
 */
@Named
@RequestScoped
public class PublicOrderProgress {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Inject
    private OrderProgress progress;

    private String orderNo;
    private String phone;
    private OrderProgressView view;
    private String problem;

    public void lookUp() {
        view = null;
        problem = null;
        String number = orderNo == null ? null : orderNo.strip();
        String digits = phone == null ? null : phone.strip();
        if (!OrderProgressView.plausibleOrderNo(number) || !OrderProgressView.plausibleLastFour(digits)) {
            problem = text("error.progressQueryInvalid");
            return;
        }
        OrderProgress.Answer answer = progress.lookUp(number.toUpperCase(Locale.ROOT), digits);
        switch (answer.outcome()) {
            case FOUND -> view = OrderProgressView.of(answer.progress(), locale());
            case NOT_FOUND -> problem = text("error.progressNotFound");
            case LOCKED -> problem = text("error.progressLocked", OrderProgress.LOCK_MINUTES);
        }
    }

    public Locale locale() {
        return PortalLocale.current();
    }

    /** A moment as the customer reads it, in the utility's time zone. */
    public String time(Instant at) {
        return at == null ? "" : WHEN.format(at.atZone(ZONE));
    }

    private String text(String key, Object... args) {
        return Texts.format(locale(), key, args);
    }

    public String getOrderNo() {
        return orderNo;
    }

    public void setOrderNo(String orderNo) {
        this.orderNo = orderNo;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public OrderProgressView getView() {
        return view;
    }

    public String getProblem() {
        return problem;
    }
}
