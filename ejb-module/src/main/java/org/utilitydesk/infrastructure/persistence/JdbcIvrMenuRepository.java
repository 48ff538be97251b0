package org.utilitydesk.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.utilitydesk.domain.model.ivr.IvrMenu;
import org.utilitydesk.domain.model.ivr.IvrMenuRepository;
import org.utilitydesk.domain.model.ivr.IvrNode;

/**
 * Reads the IVR tree from ivr_node and ivr_transition and keeps it for 30 seconds, so calls do not each
 * read the tables while an administrator's change still arrives quickly. A broken change is refused (the
 * previous tree stays in use) and logged by the caller's failure to build the menu.
 */
@ApplicationScoped
public class JdbcIvrMenuRepository implements IvrMenuRepository {

    private static final Logger LOG = Logger.getLogger(JdbcIvrMenuRepository.class.getName());
    private static final Duration KEEP = Duration.ofSeconds(30);

    @Resource(lookup = "jdbc/utilitydesk")
    private DataSource dataSource;

    private volatile IvrMenu menu;
    private volatile Instant loadedAt = Instant.EPOCH;

    @Override
    public IvrMenu current() {
        if (menu == null || loadedAt.plus(KEEP).isBefore(Instant.now())) {
            synchronized (this) {
                if (menu == null || loadedAt.plus(KEEP).isBefore(Instant.now())) {
                    try {
                        menu = load();
                    } catch (IllegalArgumentException e) {
                        if (menu == null) {
                            throw e;
                        }
                        LOG.severe("keeping the previous IVR menu: " + e.getMessage());
                    }
                    loadedAt = Instant.now();
                }
            }
        }
        return menu;
    }

    private IvrMenu load() {
        Map<String, Map<Character, String>> keys = new HashMap<>();
        Map<String, IvrNode> nodes = new HashMap<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT node_code, digit, target_code FROM ivr_transition")) {
                while (rs.next()) {
                    keys.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2).charAt(0), rs.getString(3));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT code, kind, prompt, action, argument, next_code, timeout_ms, max_retries,"
                    + " on_failure FROM ivr_node")) {
                while (rs.next()) {
                    String code = rs.getString(1);
                    String action = rs.getString(4);
                    nodes.put(code, new IvrNode(code, IvrNode.Kind.valueOf(rs.getString(2).toUpperCase(Locale.ROOT)),
                            rs.getString(3), action == null ? null : IvrNode.Action.valueOf(action.toUpperCase(Locale.ROOT)),
                            rs.getString(5), rs.getString(6), rs.getInt(7), rs.getInt(8), rs.getString(9),
                            keys.getOrDefault(code, Map.of())));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the IVR menu", e);
        }
        return new IvrMenu(nodes);
    }
}
