package org.utilitydesk.interfaces.facade;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.ApplicationException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.utilitydesk.application.RequestKeyReusedException;

/**
 * The facades' deployment descriptor names every application exception of the EJB module, with the same rollback:
 * the container does not read those classes' annotations for this module, and a refusal it does not know is logged
 * as a failure with a stack trace. (Exception classes here are named …Exception; only those are loaded, the others
 * need the server's libraries.)
 */
class ApplicationExceptionsTest {

    @Test
    void everyApplicationExceptionOfTheEjbModuleIsDeclaredForTheFacades() throws Exception {
        Map<String, Boolean> annotated = new TreeMap<>();
        Path classes = Path.of(RequestKeyReusedException.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (FileSystem jar = Files.isDirectory(classes) ? null : FileSystems.newFileSystem(classes);
             Stream<Path> files = Files.walk(jar == null ? classes : jar.getPath("/"))) {
            Path root = jar == null ? classes : jar.getPath("/");
            for (Path file : files.filter(f -> f.toString().endsWith("Exception.class")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                ApplicationException marked = type.getAnnotation(ApplicationException.class);
                if (marked != null) {
                    annotated.put(name, marked.rollback());
                }
            }
        }
        String descriptor = Files.readString(Path.of("src/main/webapp/WEB-INF/ejb-jar.xml"));
        Map<String, Boolean> declared = new TreeMap<>();
        Matcher m = Pattern.compile("<exception-class>([^<]+)</exception-class>\\s*<rollback>(true|false)</rollback>").matcher(descriptor);
        while (m.find()) {
            declared.put(m.group(1), Boolean.valueOf(m.group(2)));
        }
        assertThat(annotated).as("application exceptions of the EJB module").containsKey(RequestKeyReusedException.class.getName());
        assertThat(declared).isEqualTo(annotated);
    }
}
