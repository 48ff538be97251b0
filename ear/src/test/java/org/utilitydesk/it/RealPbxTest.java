package org.utilitydesk.it;

import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.utilitydesk.it.pbx.ManagerEvents;
import org.utilitydesk.it.pbx.Pbx;

/**
 * What every test through the real Asterisk shares (the *PbxIT classes, which server-config/bin/test runs in a
 * round of their own): the application deployed, and the tests' own connection to Asterisk's manager interface,
 * which reports what Asterisk did. Skipped, saying why, when the run has no real Asterisk.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class RealPbxTest {

    /** How long a step of a call may take: a whole bill is about 10 s of speech. */
    static final Duration CALL = Duration.ofSeconds(60);

    static ManagerEvents asterisk;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.realEar();
    }

    @BeforeAll
    static void listen() throws Exception {
        asterisk = Pbx.get().events();
    }

    @AfterAll
    static void stopListening() throws Exception {
        if (asterisk != null) {
            asterisk.close();
            asterisk = null;
        }
    }
}
