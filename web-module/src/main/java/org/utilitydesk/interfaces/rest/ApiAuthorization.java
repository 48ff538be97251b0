package org.utilitydesk.interfaces.rest;

import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Set;

/**
 * Enforces {@code @RolesAllowed} on every API method. Secure by default: a method that names no roles
 * and is not marked {@code @PermitAll} is refused to everybody.
 */
@Provider
public class ApiAuthorization implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Method method = resource.getResourceMethod();
        if (method.isAnnotationPresent(PermitAll.class)) {
            return;
        }
        RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
        if (roles == null) {
            roles = resource.getResourceClass().getAnnotation(RolesAllowed.class);
        }
        context.register(new RoleCheck(roles == null ? Set.of() : Set.of(roles.value())));
    }

    @Priority(Priorities.AUTHORIZATION)
    static final class RoleCheck implements ContainerRequestFilter {
        private final Set<String> allowed;

        RoleCheck(Set<String> allowed) {
            this.allowed = allowed;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            var security = request.getSecurityContext();
            if (security == null || security.getUserPrincipal() == null) {
                request.abortWith(Response.fromResponse(ApiError.response(request.getAcceptableLanguages(),
                        Response.Status.UNAUTHORIZED, "unauthorized"))
                        .header("WWW-Authenticate", "Basic realm=\"UtilityDesk\", charset=\"UTF-8\"").build());
                return;
            }
            if (allowed.stream().noneMatch(security::isUserInRole)) {
                request.abortWith(ApiError.response(request.getAcceptableLanguages(), Response.Status.FORBIDDEN, "forbidden"));
            }
        }
    }
}
