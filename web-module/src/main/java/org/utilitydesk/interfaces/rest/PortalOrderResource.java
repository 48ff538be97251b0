package org.utilitydesk.interfaces.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.utilitydesk.application.OrderProgress;
import org.utilitydesk.interfaces.facade.OrderProgressView;

/**
 * Progress of a customer's own work order, open without a login by design (portal, SMS and app channels):
 * {@code GET /api/portal/work-orders/{orderNo}?phone=<last four digits of the phone on the order>}. 404 when
 * there is no such order or the digits do not match (not told apart), 429 after five misses for one number
 * within 15 minutes, 400 for input that cannot be an order number or four digits.
 */
@Path("portal/work-orders")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class PortalOrderResource {

    @Inject
    private OrderProgress progress;

    @Context
    private HttpHeaders headers;

    @GET
    @Path("{orderNo}")
    @PermitAll
    public Response progress(@PathParam("orderNo") String orderNo, @QueryParam("phone") String phone) {
        var languages = headers.getAcceptableLanguages();
        if (!OrderProgressView.plausibleOrderNo(orderNo) || !OrderProgressView.plausibleLastFour(phone)) {
            return ApiError.response(languages, Response.Status.BAD_REQUEST, "progressQueryInvalid");
        }
        OrderProgress.Answer answer = progress.lookUp(orderNo.toUpperCase(Locale.ROOT), phone);
        return switch (answer.outcome()) {
            case FOUND -> Response.ok(OrderProgressView.of(answer.progress(), Localized.locale(languages))).build();
            case NOT_FOUND -> ApiError.response(languages, Response.Status.NOT_FOUND, "progressNotFound");
            case LOCKED -> ApiError.response(languages, Response.Status.TOO_MANY_REQUESTS, "progressLocked",
                    OrderProgress.LOCK_MINUTES);
        };
    }
}
