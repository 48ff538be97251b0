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

/** A day's figures, each part replaced in a transaction of its own. */
@Stateless
public class DayStatistics {

    @Resource(lookup = "jdbc/utilitydesk")
    private DataSource dataSource;

    /** Replaces the rows of hours {@code fromHour}..{@code toHour} of {@code day}; returns how many it wrote. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int replaceHours(LocalDate day, int fromHour, int toHour) {
        try (Connection connection = dataSource.getConnection()) {
            return new DayFigures(connection, day, Clock.systemUTC().instant()).replaceHours(fromHour, toHour);
        } catch (SQLException e) {
            throw new IllegalStateException("statistics of " + day + " hours " + fromHour + "-" + toHour
                    + " could not be computed: " + e.getMessage(), e);
        }
    }

    /** Replaces the whole-day rows of {@code day} by the sums of its hours; returns how many it wrote. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int replaceDayTotals(LocalDate day) {
        try (Connection connection = dataSource.getConnection()) {
            return new DayFigures(connection, day, Clock.systemUTC().instant()).replaceDayTotals();
        } catch (SQLException e) {
            throw new IllegalStateException("day totals of " + day + " could not be computed: " + e.getMessage(), e);
        }
    }
}
