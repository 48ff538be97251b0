package org.utilitydesk.interfaces.security;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.utilitydesk.sql.PasswordHashing;

/**
 * Users and their roles in the application's database ({@code app_user}, {@code user_role}); disabled users cannot
 * log in. A password is checked against the user's own salted PBKDF2 hash, and a name nobody has (or a disabled
 * user) costs the same work against a stand-in hash, so the time of the answer does not tell whether the name
 * exists. A hash made with weaker parameters than today's ({@code utilitydesk.security.pbkdf2-iterations}) is made
 * again at the user's next successful login.
 */
@ApplicationScoped
public class UserStore implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(UserStore.class.getName());

    @Resource(lookup = "jdbc/utilitydesk")
    private DataSource database;

    @Inject
    @ConfigProperty(name = "utilitydesk.security.pbkdf2-iterations", defaultValue = "120000")
    private int iterations;

    private PasswordHashing hashing;
    /** A hash of a password nobody knows, with today's parameters: checked for names that have no user. */
    private String standIn;

    @PostConstruct
    void init() {
        hashing = new PasswordHashing(iterations);
        standIn = hashing.hash(java.util.UUID.randomUUID().toString().toCharArray());
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        String name = login.getCaller();
        char[] password = login.getPassword().getValue();
        try (Connection c = database.getConnection()) {
            String stored = name == null || name.length() > 64 ? null : storedHash(c, name);
            boolean matches = hashing.verify(password.length == 0 ? new char[] {'\0'} : password,
                    stored == null ? standIn : stored);
            if (stored == null || password.length == 0 || !matches) {
                return CredentialValidationResult.INVALID_RESULT;
            }
            if (hashing.outdated(stored)) {
                rehash(c, name, stored, hashing.hash(password));
            }
            return new CredentialValidationResult(name, groups(c, name));
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "cannot check a login: the database is unavailable", e);
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
    }

    private static String storedHash(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT password_hash FROM app_user WHERE username = ? AND enabled = TRUE")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static Set<String> groups(Connection c, String name) throws SQLException {
        Set<String> groups = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT r.role_name FROM user_role r"
                + " JOIN app_user u ON u.id = r.user_id WHERE u.username = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    groups.add(rs.getString(1));
                }
            }
        }
        return groups;
    }

    /** Only if the hash is still the one checked: a password changed meanwhile is not overwritten. */
    private void rehash(Connection c, String name, String old, String fresh) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE app_user SET password_hash = ? WHERE username = ? AND password_hash = ?")) {
            ps.setString(1, fresh);
            ps.setString(2, name);
            ps.setString(3, old);
            if (ps.executeUpdate() == 1) {
                LOG.info(() -> "password hash of " + name + " made again with " + hashing.iterations() + " PBKDF2 iterations");
            }
        }
    }
}
