package org.utilitydesk.sql;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * Applies the versioned migrations in {@code db/migration} to a database. The application runs it at
 * start-up and the command-line tool runs it before seeding, so whichever comes first creates the schema.
 *
 * <p>The migrations are named in {@code db/migration-index.txt} rather than found by scanning the class
 * path: inside an application server's EAR class loader Flyway's scanner finds nothing, and a schema that
 * silently stays old is the worst outcome. A unit test keeps the index and the folder in step.
 */
public final class SchemaMigrator {

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());
    static final String FOLDER = "db/migration/";
    static final String INDEX = "db/migration-index.txt";

    private SchemaMigrator() {
    }

    /** Migrates the database behind {@code dataSource} to the newest version and returns how many migrations ran. */
    public static int migrate(DataSource dataSource) {
        ClassLoader loader = SchemaMigrator.class.getClassLoader();
        List<String> names = index(loader);
        Flyway flyway = Flyway.configure(loader)
                .dataSource(dataSource)
                .resourceProvider(new IndexedMigrations(names, loader))
                .table("schema_history")
                .validateMigrationNaming(true)
                .load();
        MigrateResult result = flyway.migrate();
        String version = flyway.info().current() == null ? "none" : flyway.info().current().getVersion().getVersion();
        LOG.info(() -> "Schema at version " + version + " (" + result.migrationsExecuted + " of " + names.size()
                + " migrations applied now)");
        return result.migrationsExecuted;
    }

    static List<String> index(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(INDEX)) {
            if (in == null) {
                throw new IllegalStateException(INDEX + " is missing from the class path");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The migrations named in the index, read from the class path. */
    private record IndexedMigrations(List<String> names, ClassLoader loader) implements ResourceProvider {
        @Override
        public LoadableResource getResource(String name) {
            String file = name.startsWith(FOLDER) ? name.substring(FOLDER.length()) : name;
            return names.contains(file) ? new Migration(file, loader) : null;
        }

        @Override
        public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
            return names.stream()
                    .filter(n -> n.startsWith(prefix) && Arrays.stream(suffixes).anyMatch(n::endsWith))
                    .map(n -> (LoadableResource) new Migration(n, loader))
                    .toList();
        }
    }

    private static final class Migration extends LoadableResource {
        private final String file;
        private final ClassLoader loader;

        Migration(String file, ClassLoader loader) {
            this.file = file;
            this.loader = loader;
        }

        @Override
        public Reader read() {
            InputStream in = loader.getResourceAsStream(FOLDER + file);
            if (in == null) {
                throw new IllegalStateException("migration " + FOLDER + file + " is in the index but not on the class path");
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }

        @Override
        public String getAbsolutePath() {
            return FOLDER + file;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return FOLDER + file;
        }

        @Override
        public String getFilename() {
            return file;
        }

        @Override
        public String getRelativePath() {
            return file;
        }
    }
}
