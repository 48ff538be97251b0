package org.utilitydesk.it;

import java.io.File;
import java.io.InputStream;
import java.net.URISyntaxException;
import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;
import org.hamcrest.Matcher;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Builds every test deployment from the EAR Maven built, so the tests exercise what IT deploys. Tests
 * that run inside the server get their classes and assertion libraries added to the EAR's web module.
 */
public final class Deployments {

    static final String EAR = "target/utilitydesk.ear";
    static final String WAR = "utilitydesk-web.war";

    private Deployments() {
    }

    /** The EAR exactly as built, for tests that act as a client over HTTP. */
    public static EnterpriseArchive realEar() {
        File ear = new File(EAR);
        if (!ear.isFile()) {
            throw new IllegalStateException(EAR + " is missing: run the build (mvn package) first");
        }
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
    }

    /** The real EAR with these test classes inside its web module, for tests that run in the server. */
    public static EnterpriseArchive realEarWith(Class<?>... testClasses) {
        EnterpriseArchive ear = realEar();
        WebArchive war;
        try (InputStream in = ear.get(WAR).getAsset().openStream()) {
            war = ShrinkWrap.create(ZipImporter.class, WAR).importFrom(in).as(WebArchive.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read " + WAR + " from " + EAR, e);
        }
        war.addClasses(testClasses).addClasses(Deployments.class, TestEnvironment.class)
                .addAsLibraries(jarOf(Assertions.class), jarOf(Awaitility.class), jarOf(Matcher.class));
        ear.delete(WAR);
        ear.addAsModule(war);
        return ear;
    }

    private static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
