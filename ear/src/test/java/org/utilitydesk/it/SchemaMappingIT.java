package org.utilitydesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.utilitydesk.infrastructure.schema.SchemaVerification;

/** The entity mappings match the schema the Flyway migrations created: every table and column exists, every entity loads. */
@ExtendWith(ArquillianExtension.class)
class SchemaMappingIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.realEarWith(SchemaMappingIT.class);
    }

    @Inject
    private SchemaVerification verification;

    @Test
    void everyMappedTableAndColumnExistsAndEveryEntityLoads() {
        assertThat(verification.entityNames())
                .contains("Customer", "Account", "ServiceArea", "Bill", "WorkOrder", "WorkOrderEvent", "ProcessedMessage", "CallRecord");
        assertThat(verification.mismatches()).isEmpty();
    }
}
