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
     * Creates the user or, if the name exists, replaces its password hash, roles and crew and enables it.
     * {@code crew} is the department code of a crew member's crew (kind CREW), null for everyone else.
     * Runs in the connection's current transaction; returns the user's id.
     */
    static long save(Connection c, String username, String passwordHash, String displayName, Collection<String> roles,
                     String crew) throws SQLException {
        Long crewId = null;
        if (crew != null) {
            try (PreparedStatement find = c.prepareStatement("SELECT id FROM department WHERE code = ? AND kind = 'CREW'")) {
                find.setString(1, crew);
                try (ResultSet rs = find.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalArgumentException("no crew with the department code " + crew);
                    }
                    crewId = rs.getLong(1);
                }
            }
        }
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO app_user (username, password_hash, display_name, locale,"
                + " enabled, department_id, created_at) VALUES (?, ?, ?, 'zh_CN', TRUE, ?, UTC_TIMESTAMP(3))"
                + " ON DUPLICATE KEY UPDATE password_hash = VALUES(password_hash), department_id = VALUES(department_id),"
                + " enabled = TRUE")) {
            upsert.setString(1, username);
            upsert.setString(2, passwordHash);
            upsert.setString(3, displayName);
            upsert.setObject(4, crewId);
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
