package org.utilitydesk.infrastructure.schema;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.utilitydesk.sql.SchemaMigrator;

/**
 * Applies the Flyway migrations from sql/ before anything else uses the database, so an installation
 * pointed at an empty MySQL comes up with the full schema. Can be turned off with
 * {@code utilitydesk.schema.migrate=false} where a DBA applies migrations by hand.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "jdbc/utilitydesk")
    private DataSource dataSource;

    @EJB
    private SchemaVerification verification;

    @Inject
    @ConfigProperty(name = "utilitydesk.schema.migrate", defaultValue = "true")
    private boolean migrate;

    @PostConstruct
    void migrate() {
        if (!migrate) {
            LOG.info("schema migration turned off (utilitydesk.schema.migrate=false)");
            return;
        }
        SchemaMigrator.migrate(dataSource);
        List<String> mismatches = verification.mismatches();
        if (mismatches.isEmpty()) {
            LOG.info("entity mappings match the database schema");
        } else {
            LOG.severe(() -> "entity mappings do not match the database schema: " + String.join("; ", mismatches));
        }
    }
}
