package org.utilitydesk.sql;

import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the versioned migrations in {@code db/migration} to a database. The application runs it at
 * start-up and the command-line tool runs it before seeding, so whichever comes first creates the schema.
 */
public final class SchemaMigrator {

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

    private SchemaMigrator() {
    }

    /** Migrates the database behind {@code dataSource} to the newest version and returns how many migrations ran. */
    public static int migrate(DataSource dataSource) {
        Flyway flyway = Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .table("schema_history")
                .validateMigrationNaming(true)
                .load();
        MigrateResult result = flyway.migrate();
        LOG.info(() -> "Schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now)");
        return result.migrationsExecuted;
    }
}
