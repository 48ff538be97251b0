package org.utilitydesk.interfaces.rest;

import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.utilitydesk.application.CrewWork;
import org.utilitydesk.application.KnowledgeBase;
import org.utilitydesk.application.RequestKeyReusedException;
import org.utilitydesk.batch.control.JobParameterException;
import org.utilitydesk.domain.model.acd.AgentStateException;
import org.utilitydesk.domain.model.knowledge.ArticleWorkflowException;
import org.utilitydesk.domain.model.file.AttachmentRejectedException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.utilitydesk.domain.model.customer.InvalidAccountNumberException;
import org.utilitydesk.domain.model.workorder.IllegalTransitionException;
import org.utilitydesk.domain.model.workorder.MissingNoteException;
import org.utilitydesk.infrastructure.persistence.DatabaseOutage;
import org.utilitydesk.interfaces.facade.WorkOrderFacade;
import org.utilitydesk.interfaces.security.BodyPace;
import org.utilitydesk.interfaces.security.Causes;

/**
 * Turns every failure into a JSON error in the caller's language: bad input is a 400 that says what is
 * wrong, a refused transition a 409, and anything unexpected a 500 with a reference that is also logged.
 */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMapper.class.getName());

    @Context
    private HttpHeaders headers;

    /**
     * The broker could not take the message: the whole transaction rolled back (nothing was stored), so
     * the client may simply try again with the same request key.
     */
    private static boolean brokerUnavailable(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof jakarta.jms.JMSException || t instanceof jakarta.jms.JMSRuntimeException
                    || t instanceof jakarta.resource.ResourceException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The transaction manager could not say how the commit ended (e.g. the database connection broke while
     * committing: "completed: Maybe"). Whether the request took effect is unknown; retrying it with the same
     * request key is safe, and reading the result tells.
     */
    static boolean commitOutcomeUnknown(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof jakarta.transaction.SystemException || t instanceof jakarta.transaction.HeuristicMixedException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Response toResponse(Throwable thrown) {
        Throwable e = thrown;
        while (e instanceof EJBException && e.getCause() != null) {
            e = e.getCause();
        }
        List<Locale> accepted = headers == null ? List.of() : headers.getAcceptableLanguages();
        Optional<BodyLimit.Limit> overLimit = BodyLimit.exceeded(thrown);
        if (overLimit.isPresent()) {
            return BodyLimit.tooLarge(accepted, overLimit.get());
        }
        if (BodyPace.gaveUp(thrown)) {
            LOG.info(() -> "gave up the body of an API request: " + thrown.getMessage());
            return Response.fromResponse(ApiError.response(accepted, Response.Status.REQUEST_TIMEOUT, "bodyTooSlow"))
                    .header("Connection", "close").build();
        }
        Optional<JsonRefusal> badJson = Causes.of(thrown).stream().filter(JsonRefusal.class::isInstance)
                .map(JsonRefusal.class::cast).findFirst();
        if (badJson.isPresent()) {
            LOG.fine(() -> "refused a request body: " + badJson.get().getMessage());
            return ApiError.refused(accepted, badJson.get());
        }
        Optional<JobParameterException> jobParameter = Causes.of(thrown).stream().filter(JobParameterException.class::isInstance)
                .map(JobParameterException.class::cast).findFirst();
        if (jobParameter.isPresent()) {
            // a job's parameters are its request's fields, refused as any other body's field is
            JobParameterException p = jobParameter.get();
            return ApiError.refused(accepted, new JsonRefusal(p.parameter(), switch (p.reason()) {
                case UNKNOWN -> JsonRefusal.Problem.UNKNOWN_FIELD;
                case NOT_A_DAY -> JsonRefusal.Problem.NO_SUCH_DAY;
                case NOT_A_MOMENT -> JsonRefusal.Problem.NO_SUCH_MOMENT;
            }, String.join(", ", p.known())));
        }
        if (e instanceof InvalidAccountNumberException) {
            return ApiError.response(accepted, Response.Status.BAD_REQUEST, "badAccountNumber");
        }
        if (e instanceof WorkOrderFacade.UnknownAccountException u) {
            return ApiError.response(accepted, Response.Status.NOT_FOUND, "accountNotFound", u.getAccountNumber());
        }
        if (e instanceof ConstraintViolationException cv) {
            return ConstraintViolationMapper.response(accepted, cv);
        }
        if (e instanceof IllegalTransitionException t) {
            String what = t.getTo() != null ? Localized.message(accepted, "workOrderState." + t.getTo().name()) : t.getAction();
            return ApiError.response(accepted, Response.Status.CONFLICT, "illegalTransition",
                    Localized.message(accepted, "workOrderState." + t.getFrom().name()), what);
        }
        if (e instanceof ArticleWorkflowException w) {
            return ApiError.response(accepted, Response.Status.CONFLICT, "articleRefused",
                    Localized.message(accepted, "knowledge.refused." + w.reason().name()));
        }
        if (e instanceof AgentStateException a) {
            return ApiError.response(accepted, Response.Status.CONFLICT, "agentRefused", Localized.message(accepted, a.code()));
        }
        if (e instanceof AttachmentRejectedException r) {
            return ApiError.response(accepted, r.reason() == AttachmentRejectedException.Reason.TOO_LARGE
                    ? Response.Status.REQUEST_ENTITY_TOO_LARGE : Response.Status.BAD_REQUEST, "invalidRequest",
                    Localized.message(accepted, r.messageKey()));
        }
        if (e instanceof KnowledgeBase.UnknownCategoryException) {
            return ApiError.response(accepted, Response.Status.BAD_REQUEST, "invalidRequest",
                    Localized.message(accepted, "validation.knowledge.category.invalid"));
        }
        if (e instanceof CrewWork.TakenException t) {
            return ApiError.response(accepted, Response.Status.CONFLICT, "takenByColleague", t.by());
        }
        if (e instanceof MissingNoteException m) {
            return ApiError.response(accepted, Response.Status.BAD_REQUEST, "noteRequired", m.getAction());
        }
        if (e instanceof RequestKeyReusedException r) {
            return ApiError.response(accepted, Response.Status.CONFLICT, "requestKeyReused", r.requestKey());
        }
        if (e instanceof OptimisticLockException) {
            return ApiError.response(accepted, Response.Status.CONFLICT, "concurrentChange");
        }
        if (e instanceof IllegalArgumentException) {
            return ApiError.response(accepted, Response.Status.BAD_REQUEST, "invalidRequest", e.getMessage());
        }
        if (e instanceof NotAuthorizedException) {
            return Response.fromResponse(ApiError.response(accepted, Response.Status.UNAUTHORIZED, "unauthorized"))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"UtilityDesk\", charset=\"UTF-8\"").build();
        }
        if (e instanceof ForbiddenException) {
            return ApiError.response(accepted, Response.Status.FORBIDDEN, "forbidden");
        }
        if (e instanceof NotFoundException) {
            return ApiError.response(accepted, Response.Status.NOT_FOUND, "invalidRequest", "no such resource");
        }
        if (e instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            Response.Status status = Response.Status.fromStatusCode(web.getResponse().getStatus());
            return ApiError.response(accepted, status == null ? Response.Status.BAD_REQUEST : status, "invalidRequest",
                    String.valueOf(web.getMessage()));
        }
        if (e instanceof ProcessingException || e instanceof JsonbException) {
            return ApiError.response(accepted, Response.Status.BAD_REQUEST, "invalidRequest", "the body could not be read");
        }
        if (commitOutcomeUnknown(thrown)) {
            LOG.warning(() -> "request answered 503, its transaction's outcome is not known: " + thrown);
            return Response.fromResponse(ApiError.response(accepted, Response.Status.SERVICE_UNAVAILABLE, "saveOutcomeUnknown"))
                    .header("Retry-After", "5").build();
        }
        // the database could not be reached: the transaction rolled back, nothing was stored, the same request may be retried
        if (DatabaseOutage.isCause(thrown)) {
            LOG.warning(() -> "request refused, the database is unavailable: " + thrown);
            return Response.fromResponse(ApiError.response(accepted, Response.Status.SERVICE_UNAVAILABLE, "databaseUnavailable"))
                    .header("Retry-After", "5").build();
        }
        if (brokerUnavailable(thrown)) {
            LOG.warning(() -> "request refused, the message broker is unavailable: " + thrown);
            return Response.fromResponse(ApiError.response(accepted, Response.Status.SERVICE_UNAVAILABLE, "brokerUnavailable"))
                    .header("Retry-After", "5").build();
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.log(Level.SEVERE, "API request failed, reference " + reference, thrown);
        return ApiError.response(accepted, Response.Status.INTERNAL_SERVER_ERROR, "internal", reference);
    }
}
