package org.utilitydesk.sql;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Rows of one table collected {@value #SIZE} at a time and handed to the writers ({@link ParallelInserts}), so
 * generating the next rows overlaps with the database inserting the previous ones.
 */
final class InsertBatch implements AutoCloseable {

    static final int SIZE = 2_000;

    private final ParallelInserts writers;
    private final String sql;
    private final int columns;
    private final Runnable counted;
    private List<Object[]> pending = new ArrayList<>(SIZE);

    /** {@code counted} runs once per row added (the generator's count of rows written). */
    InsertBatch(ParallelInserts writers, String table, String columnList, int columns, Runnable counted) {
        this.writers = writers;
        this.columns = columns;
        this.counted = counted;
        this.sql = "INSERT INTO " + table + " (" + columnList + ") VALUES (" + String.join(",", Collections.nCopies(columns, "?")) + ")";
    }

    void add(Object... values) throws SQLException {
        if (values.length != columns) {
            throw new IllegalArgumentException("expected " + columns + " values, got " + values.length);
        }
        pending.add(values);
        counted.run();
        if (pending.size() == SIZE) {
            flush();
        }
    }

    private void flush() throws SQLException {
        if (!pending.isEmpty()) {
            writers.submit(sql, pending);
            pending = new ArrayList<>(SIZE);
        }
    }

    @Override
    public void close() throws SQLException {
        flush();
    }
}
