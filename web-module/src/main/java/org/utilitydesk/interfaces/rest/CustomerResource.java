package org.utilitydesk.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.utilitydesk.domain.model.customer.AccountNumber;
import org.utilitydesk.interfaces.facade.CustomerFacade;
import org.utilitydesk.interfaces.security.Roles;

/** Customers by account number: {@code GET /api/customers/{accountNumber}}. */
@Path("customers")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
public class CustomerResource {

    @Inject
    private CustomerFacade customers;

    @Context
    private HttpHeaders headers;

    @GET
    @Path("{accountNumber}")
    public Response byAccountNumber(@PathParam("accountNumber") String accountNumber) {
        String number = AccountNumber.of(accountNumber).value();
        return customers.byAccountNumber(number)
                .map(view -> Response.ok(view).build())
                .orElseGet(() -> ApiError.response(headers.getAcceptableLanguages(), Response.Status.NOT_FOUND,
                        "accountNotFound", number));
    }
}
