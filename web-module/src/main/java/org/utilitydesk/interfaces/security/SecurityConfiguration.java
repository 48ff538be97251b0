package org.utilitydesk.interfaces.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The application's roles. Users, their roles and password hashes are {@link UserStore}'s; how people and programs
 * present their credentials, and how often they may try, is {@link ContactCenterAuthentication}'s and
 * {@link LoginThrottle}'s business.
 */
@ApplicationScoped
@DeclareRoles({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN, Roles.EDITOR, Roles.CREW})
public class SecurityConfiguration {
}
