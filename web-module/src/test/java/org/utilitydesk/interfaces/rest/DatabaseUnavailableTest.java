package org.utilitydesk.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.utilitydesk.infrastructure.persistence.DatabaseOutage;

/** Which failures tell an API client "the database is away, try the same request again". */
class DatabaseUnavailableTest {

    private static Throwable asTheContainerThrowsIt(SQLException cause) {
        return new EJBException(new PersistenceException("Exception [EclipseLink-4002]", cause));
    }

    @Test
    void aServerShuttingDownOrGoneIsUnavailable() {
        assertThat(DatabaseOutage.isCause(asTheContainerThrowsIt(
                new SQLException("Connection was killed", "70100", 1927)))).as("statement killed by the shutdown").isTrue();
        assertThat(DatabaseOutage.isCause(asTheContainerThrowsIt(
                new SQLException("Server shutdown in progress", "HY000", 1053)))).isTrue();
        assertThat(DatabaseOutage.isCause(asTheContainerThrowsIt(
                new SQLException("Communications link failure", "08S01", 0)))).isTrue();
        assertThat(DatabaseOutage.isCause(asTheContainerThrowsIt(new SQLException(
                "Error in allocating a connection", null, 0, new jakarta.resource.spi.ResourceAllocationException("refused")))))
                .as("the pool could not open a connection").isTrue();
    }

    @Test
    void aRequestTheDatabaseRefusedIsNot() {
        assertThat(DatabaseOutage.isCause(asTheContainerThrowsIt(
                new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062)))).isFalse();
        assertThat(DatabaseOutage.isCause(new IllegalStateException("a bug"))).isFalse();
    }

    @Test
    void aCommitThatEndedMaybeIsAnUnknownOutcome() {
        assertThat(ApiExceptionMapper.commitOutcomeUnknown(new EJBException(
                new jakarta.transaction.SystemException("org.omg.CORBA.INTERNAL: completed: Maybe")))).isTrue();
        assertThat(ApiExceptionMapper.commitOutcomeUnknown(asTheContainerThrowsIt(
                new SQLException("Communications link failure", "08S01", 0)))).as("before the commit: nothing stored").isFalse();
    }
}
