package org.utilitydesk.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Executes handed-off batches on a few connections of its own, in parallel, each batch in its own transaction; at most
 * two batches per connection wait, so memory stays bounded. The first failure is thrown from the next submit or close.
 */
final class ParallelInserts implements AutoCloseable {

    private final ExecutorService threads;
    private final BlockingQueue<Connection> connections;
    private final List<Connection> opened = new ArrayList<>();
    private final Semaphore inFlight;
    private volatile SQLException failure;

    ParallelInserts(int parallelism, DemoDataGenerator.ConnectionSource connectionSource) throws SQLException {
        threads = Executors.newFixedThreadPool(parallelism, r -> new Thread(r, "demo-data-writer"));
        connections = new ArrayBlockingQueue<>(parallelism);
        inFlight = new Semaphore(parallelism * 2);
        for (int i = 0; i < parallelism; i++) {
            Connection c = connectionSource.open();
            opened.add(c);
            connections.add(c);
        }
    }

    void submit(String sql, List<Object[]> batch) throws SQLException {
        rethrow();
        inFlight.acquireUninterruptibly();
        threads.execute(() -> {
            Connection c = null;
            try {
                c = connections.take();
                if (failure == null) {
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        for (Object[] row : batch) {
                            for (int i = 0; i < row.length; i++) {
                                ps.setObject(i + 1, row[i]);
                            }
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                    c.commit();
                }
            } catch (SQLException e) {
                failure = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                if (c != null) {
                    connections.add(c);
                }
                inFlight.release();
            }
        });
    }

    private void rethrow() throws SQLException {
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void close() throws SQLException {
        threads.shutdown();
        try {
            if (!threads.awaitTermination(1, TimeUnit.HOURS)) {
                throw new SQLException("demo-data writers did not finish within an hour");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for the demo-data writers", e);
        } finally {
            for (Connection c : opened) {
                c.close();
            }
        }
        rethrow();
    }
}
