package org.utilitydesk.interfaces.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

/**
 * Users and roles live in the application's database (app_user, user_role) with PBKDF2-SHA256 hashes.
 * Disabled users cannot log in. How people and programs present their credentials is
 * {@link ContactCenterAuthentication}'s business.
 */
@ApplicationScoped
@DeclareRoles({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN, Roles.EDITOR, Roles.CREW})
@DatabaseIdentityStoreDefinition(
        dataSourceLookup = "jdbc/utilitydesk",
        callerQuery = "SELECT password_hash FROM app_user WHERE username = ? AND enabled = TRUE",
        groupsQuery = "SELECT r.role_name FROM user_role r JOIN app_user u ON u.id = r.user_id WHERE u.username = ?",
        hashAlgorithm = Pbkdf2PasswordHash.class,
        hashAlgorithmParameters = {
            "Pbkdf2PasswordHash.Iterations=120000",
            "Pbkdf2PasswordHash.Algorithm=PBKDF2WithHmacSHA256",
            "Pbkdf2PasswordHash.SaltSizeBytes=32",
            "Pbkdf2PasswordHash.KeySizeBytes=32"
        })
public class SecurityConfiguration {
}
