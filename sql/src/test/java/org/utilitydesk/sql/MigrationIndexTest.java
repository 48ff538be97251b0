package org.utilitydesk.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MigrationIndexTest {

    @Test
    void theIndexNamesExactlyTheMigrationsInTheFolderInOrder() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources", SchemaMigrator.FOLDER))) {
            var onDisk = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql"))
                    .sorted((a, b) -> Integer.compare(version(a), version(b))).toList();
            assertThat(SchemaMigrator.index(getClass().getClassLoader()))
                    .as("db/migration-index.txt must list every migration, oldest first").containsExactlyElementsOf(onDisk);
        }
    }

    private static int version(String name) {
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }
}
