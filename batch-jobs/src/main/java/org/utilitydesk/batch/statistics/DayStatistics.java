package org.utilitydesk.batch.statistics;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import javax.sql.DataSource;

/** One dimension of one day's figures, replaced in a transaction of its own. */
@Stateless
public class DayStatistics {

    @Resource(lookup = "jdbc/utilitydesk")
    private DataSource dataSource;

    /** Replaces {@code day}'s rows of the dimension; returns how many rows it has now. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int replace(LocalDate day, String dimension) {
        try (Connection connection = dataSource.getConnection()) {
            return new DayFigures(connection, day, Clock.systemUTC().instant()).replace(Dimension.valueOf(dimension));
        } catch (SQLException e) {
            throw new IllegalStateException("statistics of " + day + " by " + dimension + " could not be computed: "
                    + e.getMessage(), e);
        }
    }
}
