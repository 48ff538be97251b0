package org.utilitydesk.interfaces.crew;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Where a login lands (index.xhtml): the center's staff at the customer search, a field crew at their orders. */
@Named
@RequestScoped
public class StartPage {

    @Inject
    private ExternalContext external;

    public String open() {
        boolean staff = external.isUserInRole("AGENT") || external.isUserInRole("SUPERVISOR") || external.isUserInRole("ADMIN");
        return !staff && external.isUserInRole("CREW") ? "/crew/orders?faces-redirect=true" : "/desk/customers?faces-redirect=true";
    }
}
