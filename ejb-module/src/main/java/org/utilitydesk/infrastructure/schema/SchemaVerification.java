package org.utilitydesk.infrastructure.schema;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.metamodel.EntityType;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.internal.helper.DatabaseField;
import org.eclipse.persistence.internal.helper.DatabaseTable;
import org.eclipse.persistence.sessions.Session;

/**
 * Checks that every entity mapping matches the migrated schema: each mapped table and column exists, and
 * each entity can be loaded (which catches type mismatches the metadata alone would miss). EclipseLink
 * has no schema validation of its own, and the schema belongs to the migrations, so this is how a
 * mapping that drifted from them is found before a user finds it.
 */
@Stateless
public class SchemaVerification {

    @PersistenceContext(unitName = "utilitydesk")
    private EntityManager em;

    @Resource(lookup = "jdbc/utilitydesk")
    private DataSource dataSource;

    /** Human-readable mismatches; empty when the mappings and the schema agree. */
    public List<String> mismatches() {
        List<String> problems = new ArrayList<>();
        Session session = em.unwrap(Session.class);
        try (Connection connection = dataSource.getConnection()) {
            Map<String, Set<String>> columns = columnsByTable(connection);
            for (ClassDescriptor descriptor : session.getDescriptors().values()) {
                if (descriptor.isAggregateDescriptor()) {
                    continue;
                }
                String entity = descriptor.getJavaClass().getSimpleName();
                for (DatabaseTable table : descriptor.getTables()) {
                    if (!columns.containsKey(table.getName().toLowerCase(Locale.ROOT))) {
                        problems.add(entity + ": table " + table.getName() + " does not exist");
                    }
                }
                for (DatabaseField field : descriptor.getFields()) {
                    String table = field.getTableName().toLowerCase(Locale.ROOT);
                    Set<String> known = columns.get(table);
                    if (known != null && !known.contains(field.getName().toLowerCase(Locale.ROOT))) {
                        problems.add(entity + ": column " + field.getTableName() + "." + field.getName() + " does not exist");
                    }
                }
            }
        } catch (SQLException e) {
            problems.add("cannot read the schema: " + e.getMessage());
        }
        for (EntityType<?> type : em.getMetamodel().getEntities()) {
            try {
                em.createQuery("SELECT e FROM " + type.getName() + " e", type.getJavaType()).setMaxResults(5).getResultList();
            } catch (RuntimeException e) {
                problems.add(type.getName() + ": cannot be loaded: " + e.getMessage());
            }
        }
        return problems;
    }

    /** The entities whose mappings are checked, for reports. */
    public Set<String> entityNames() {
        Set<String> names = new HashSet<>();
        em.getMetamodel().getEntities().forEach(e -> names.add(e.getName()));
        return names;
    }

    private static Map<String, Set<String>> columnsByTable(Connection connection) throws SQLException {
        Map<String, Set<String>> columns = new HashMap<>();
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet rs = meta.getColumns(connection.getCatalog(), null, "%", "%")) {
            while (rs.next()) {
                columns.computeIfAbsent(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT), t -> new HashSet<>())
                        .add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return columns;
    }
}
