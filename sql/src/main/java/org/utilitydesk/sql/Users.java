package org.utilitydesk.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;

/** Stores a login with its roles: the one way the demo seed and the add-user command write users. */
final class Users {

    private Users() {
    }

    /**
     * Creates the user or, if the name exists, replaces its password hash and roles and enables it.
     * Runs in the connection's current transaction; returns the user's id.
     */
    static long save(Connection c, String username, String passwordHash, String displayName, Collection<String> roles)
            throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO app_user (username, password_hash, display_name, locale,"
                + " enabled, created_at) VALUES (?, ?, ?, 'zh_CN', TRUE, UTC_TIMESTAMP(3))"
                + " ON DUPLICATE KEY UPDATE password_hash = VALUES(password_hash), enabled = TRUE")) {
            upsert.setString(1, username);
            upsert.setString(2, passwordHash);
            upsert.setString(3, displayName);
            upsert.executeUpdate();
        }
        long id;
        try (PreparedStatement find = c.prepareStatement("SELECT id FROM app_user WHERE username = ?")) {
            find.setString(1, username);
            try (ResultSet rs = find.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        try (PreparedStatement clear = c.prepareStatement("DELETE FROM user_role WHERE user_id = ?");
             PreparedStatement grant = c.prepareStatement("INSERT INTO user_role (user_id, role_name) VALUES (?, ?)")) {
            clear.setLong(1, id);
            clear.executeUpdate();
            for (String role : roles) {
                grant.setLong(1, id);
                grant.setString(2, role);
                grant.addBatch();
            }
            grant.executeBatch();
        }
        return id;
    }
}
