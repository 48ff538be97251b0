package org.utilitydesk.sql;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Generates realistic demo data for a Chinese utility: customers with Chinese names and phone numbers,
 * accounts with supply addresses in the service areas, meters, twelve months of tiered bills with their
 * lines, payments (some accounts overdue), outage notices, and demo staff with skills.
 *
 * <p>Rows are written with batched multi-row inserts ({@code rewriteBatchedStatements}) and explicit
 * ids, so one generator run can append millions of customers to an existing database. The random source
 * is seeded: the same run on an empty database gives the same data, which the tests and the demo scripts
 * rely on (the first customer's mobile is 13800000001).
 */
public final class DemoDataGenerator {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final String[] SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤").split("");
    private static final String[] GIVEN = ("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文斌辉鹏飞宇浩然欣怡子涵梓萱一诺雨轩博文晨阳思远佳琪嘉怡俊杰晓东海燕春梅丹丹婷婷").split("");
    private static final String[] STREETS = {"解放路", "延安路", "中山北路", "文三路", "学院路", "庆春路", "凤起路", "体育场路",
        "江南大道", "滨盛路", "市心中路", "金城路", "文一西路", "余杭塘路", "富春街道", "锦城街道", "迎春路", "千岛湖镇新安大街",
        "新安江路", "之江路", "莫干山路", "湖墅南路", "古墩路", "天目山路"};
    private static final String[] ESTATES = {"阳光花园", "金都华府", "翡翠城", "西溪诚园", "绿城桂花园", "万科良渚文化村", "钱江新城公寓",
        "东方郡", "和家园", "星洲花园", "滨江金色家园", "湖畔居", "望江家园", "翠苑一区", "文鼎苑"};
    private static final String[] BUSINESS_SUFFIX = {"科技有限公司", "贸易商行", "餐饮店", "超市", "服装厂", "物业管理有限公司"};
    private static final String[] MOBILE_PREFIX = {"138", "139", "137", "136", "135", "150", "151", "152", "158", "159",
        "182", "187", "188", "130", "131", "132", "155", "156", "185", "186", "133", "153", "180", "189", "177", "199"};
    private final Connection connection;
    private final ConnectionSource connectionSource;
    private final int writers;
    private final Clock clock;
    private final Random random;
    private long rows;

    /** Opens the extra connections the writers insert through (autocommit off, as for {@code connection}). */
    @FunctionalInterface
    public interface ConnectionSource {
        Connection open() throws SQLException;
    }

    /**
     * @param connection used for reading and for the small seeding steps
     * @param connectionSource opens one connection per writer for the bulk inserts
     * @param writers how many connections insert in parallel
     */
    public DemoDataGenerator(Connection connection, ConnectionSource connectionSource, int writers, Clock clock, long seed) {
        this.connection = connection;
        this.connectionSource = connectionSource;
        this.writers = writers;
        this.clock = clock;
        this.random = new Random(seed);
    }

    /** Rows written so far by this generator. */
    public long rowsWritten() {
        return rows;
    }

    /** True when the database holds no customers yet. */
    public boolean isEmpty() throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM customer")) {
            rs.next();
            return rs.getLong(1) == 0;
        }
    }

    /**
     * Demo staff: an administrator, a supervisor, an editor, twenty agents with skills, and two members of
     * every field crew ({@code crew-sc1}, {@code crew-sc2} for 上城抢修班 CREW-SC, …).
     */
    public void seedStaff() throws SQLException {
        // every user gets a hash of their own (its own random salt, from SecureRandom: the generator's seeded
        // sequence of skills and customers stays what it was), so equal passwords do not show as equal hashes
        try (Statement st = connection.createStatement();
             ResultSet crews = st.executeQuery("SELECT code, name FROM department WHERE kind = 'CREW' ORDER BY code")) {
            while (crews.next()) {
                for (int member = 1; member <= 2; member++) {
                    rows += 2;
                    Users.save(connection, crews.getString(1).toLowerCase(Locale.ROOT) + member,
                            PasswordHashing.TODAY.hash("crew123".toCharArray()),
                            crews.getString(2) + " " + member + "号", List.of("CREW"), crews.getString(1));
                }
            }
        }
        insertUser("admin", PasswordHashing.TODAY.hash("admin123".toCharArray()), "系统管理员", "ADMIN", "SUPERVISOR");
        insertUser("supervisor", PasswordHashing.TODAY.hash("super123".toCharArray()), "班长 王静", "SUPERVISOR");
        insertUser("editor", PasswordHashing.TODAY.hash("editor123".toCharArray()), "知识编辑 李明", "EDITOR", "AGENT");
        List<Long> skillIds = ids("SELECT id FROM skill ORDER BY id");
        try (PreparedStatement agent = connection.prepareStatement(
                "INSERT INTO agent (id, user_id, agent_no, extension, team) VALUES (?,?,?,?,?)");
             PreparedStatement skill = connection.prepareStatement(
                "INSERT INTO agent_skill (agent_id, skill_id, proficiency) VALUES (?,?,?)")) {
            for (int i = 1; i <= 20; i++) {
                long userId = insertUser(String.format("agent%02d", i), PasswordHashing.TODAY.hash("agent123".toCharArray()), "坐席 " + personName(), "AGENT");
                agent.setLong(1, i);
                agent.setLong(2, userId);
                agent.setString(3, String.format("A%03d", i));
                agent.setString(4, String.valueOf(8000 + i));
                agent.setString(5, i <= 10 ? "一组" : "二组");
                agent.addBatch();
                for (Long skillId : skillIds) {
                    if (skillId <= 2 || random.nextInt(3) == 0) {
                        skill.setLong(1, i);
                        skill.setLong(2, skillId);
                        skill.setInt(3, 1 + random.nextInt(10));
                        skill.addBatch();
                        rows++;
                    }
                }
                rows++;
            }
            agent.executeBatch();
            skill.executeBatch();
        }
    }

    private long insertUser(String username, String hash, String displayName, String... roles) throws SQLException {
        rows += 1 + roles.length;
        return Users.save(connection, username, hash, displayName, List.of(roles), null);
    }

    /** Outage notices: one active unplanned outage and two planned ones in the coming days. */
    public void seedOutages() throws SQLException {
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZONE));
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO outage_notice (service_area_id, kind, energy_type, starts_at, ends_at, reason_zh, reason_en, status, created_at)"
                        + " VALUES (?,?,?,?,?,?,?,?,?)")) {
            addOutage(ps, 4, "UNPLANNED", now.minusHours(1), now.plusHours(3), "10千伏线路故障抢修", "Repair of a 10 kV line fault", "ACTIVE");
            addOutage(ps, 8, "PLANNED", now.plusDays(2).withHour(8).withMinute(0), now.plusDays(2).withHour(17).withMinute(0),
                    "配电设备检修", "Scheduled maintenance of distribution equipment", "ANNOUNCED");
            addOutage(ps, 6, "PLANNED", now.plusDays(5).withHour(9).withMinute(0), now.plusDays(5).withHour(12).withMinute(0),
                    "线路迁改工程", "Line relocation works", "ANNOUNCED");
            ps.executeBatch();
        }
    }

    private void addOutage(PreparedStatement ps, long areaId, String kind, LocalDateTime from, LocalDateTime to,
                           String zh, String en, String status) throws SQLException {
        ps.setLong(1, areaId);
        ps.setString(2, kind);
        ps.setString(3, "ELECTRICITY");
        ps.setTimestamp(4, utc(from));
        ps.setTimestamp(5, utc(to));
        ps.setString(6, zh);
        ps.setString(7, en);
        ps.setString(8, status);
        ps.setTimestamp(9, Timestamp.from(clock.instant()));
        ps.addBatch();
        rows++;
    }

    private Timestamp utc(LocalDateTime local) {
        return Timestamp.valueOf(local.atZone(ZONE).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime());
    }

    /**
     * Appends {@code count} customers with their accounts, meters, twelve months of bills and payments.
     * About one account in twelve has one to three unpaid bills past their due date; a bill whose day to be paid has
     * not come yet is unpaid too (see {@link BillingHistory}).
     */
    public void generateCustomers(int count) throws SQLException {
        long customerId = maxId("customer");
        long accountId = maxId("account");
        long pointId = maxId("service_point");
        long billId = maxId("bill");
        long paymentId = maxId("payment");
        long accountSerial = maxSerial();
        List<Long> areas = ids("SELECT id FROM service_area WHERE parent_id IS NOT NULL ORDER BY id");
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZONE));
        LocalDate today = now.toLocalDate();
        YearMonth lastPeriod = YearMonth.from(today).minusMonths(1);

        loadDistricts();
        try (ParallelInserts w = writer = new ParallelInserts(writers, connectionSource);
             InsertBatch customers = batch("customer", "id, customer_no, name, customer_type, mobile_phone, other_phone, email,"
                + " preferred_language, vip, do_not_disturb, created_at, version", 12);
             InsertBatch accounts = batch("account", "id, account_number, customer_id, service_area_id, energy_type, tariff_code,"
                + " supply_address, status, opened_on, balance, version", 11);
             InsertBatch points = batch("service_point", "id, account_id, meter_number, meter_type, install_address, installed_on,"
                + " last_reading, last_read_on", 8);
             InsertBatch bills = batch("bill", "id, bill_no, account_id, period, issue_date, due_date, usage_units, amount_total,"
                + " amount_paid, status, version", 11);
             InsertBatch lines = batch("bill_line", "bill_id, line_no, line_type, description, quantity, unit_price, amount", 7);
             InsertBatch payments = batch("payment", "id, payment_no, account_id, bill_id, amount, paid_at, channel, reference", 8)) {
            for (int c = 0; c < count; c++) {
                customerId++;
                boolean business = random.nextInt(10) == 0;
                String name = business ? personName().substring(0, 1) + "记" + pick(BUSINESS_SUFFIX) : personName();
                String mobile = customerId <= 99 ? String.format("138000000%02d", customerId) : mobile();
                customers.add(customerId, String.format("C%010d", customerId), name, business ? "COMMERCIAL" : "RESIDENTIAL",
                        mobile, random.nextInt(4) == 0 ? "0571" + (80000000 + random.nextInt(9999999)) : null,
                        random.nextInt(3) == 0 ? "user" + customerId + "@example.cn" : null,
                        random.nextInt(15) == 0 ? "en" : "zh_CN", random.nextInt(50) == 0, random.nextInt(40) == 0,
                        Timestamp.from(clock.instant()), 0);
                int accountCount = random.nextInt(6) == 0 ? 2 : 1;
                for (int a = 0; a < accountCount; a++) {
                    accountId++;
                    pointId++;
                    long areaId = areas.get(random.nextInt(areas.size()));
                    boolean gas = !business && a == 1;
                    String tariff = gas ? "GAS-RES" : business ? "COM-FLAT" : "RES-TIERED";
                    String address = address(areaId);
                    LocalDate opened = today.minusDays(400 + random.nextInt(4000));
                    boolean overdue = random.nextInt(12) == 0;
                    int unpaid = overdue ? 1 + random.nextInt(3) : 0;
                    BillingHistory.Account history = BillingHistory.of(random, now, tariff, business, gas, unpaid,
                            BigDecimal.valueOf(1000 + random.nextInt(20000)).setScale(2));
                    for (BillingHistory.Bill bill : history.bills()) {
                        billId++;
                        for (BillingHistory.Line line : bill.lines()) {
                            lines.add(billId, line.lineNo(), line.type(), line.description(), line.quantity(), line.unitPrice(),
                                    line.amount());
                        }
                        if (bill.payment() != null) {
                            paymentId++;
                            payments.add(paymentId, String.format("P%012d", paymentId), accountId, billId, bill.payment().amount(),
                                    utc(bill.payment().paidAt()), bill.payment().channel(), bill.payment().reference());
                        }
                        bills.add(billId, String.format("B%s%010d", bill.period().toString().replace("-", ""), accountId), accountId,
                                bill.period().toString(), Date.valueOf(bill.issued()), Date.valueOf(bill.due()), bill.usage(),
                                bill.total(), bill.paid(), bill.status(), 0);
                    }
                    BigDecimal balance = history.balance();
                    BigDecimal reading = history.reading();
                    accounts.add(accountId, AccountNumbers.fromSerial(++accountSerial), customerId, areaId,
                            gas ? "GAS" : "ELECTRICITY", tariff, address, "ACTIVE", Date.valueOf(opened), balance, 0);
                    points.add(pointId, accountId, (gas ? "G" : "E") + String.format("%011d", pointId),
                            gas ? "GAS_DIAPHRAGM" : business ? "SMART_THREE_PHASE" : "SMART_SINGLE_PHASE", address,
                            Date.valueOf(opened), reading, Date.valueOf(lastPeriod.atEndOfMonth()));
                }
            }
        }
    }

    /**
     * Appends {@code count} inbound calls on {@code day} (local time) for the statistics: arrivals follow a
     * working-day curve (busiest 9-11 and 14-16), about 85 % are answered by one of the demo agents after an
     * exponential wait, 10 % hang up waiting, the rest leave a message; callers come from a pool four times the
     * day's calls, so about one in five calls again within a day.
     */
    public void generateCalls(int count, LocalDate day) throws SQLException {
        List<Long> queues = ids("SELECT id FROM call_queue ORDER BY id");
        List<Long> agents = ids("SELECT id FROM agent ORDER BY id");
        if (queues.isEmpty() || agents.isEmpty()) {
            throw new IllegalArgumentException("generate the demo staff first (seed)");
        }
        double[] weight = new double[24];
        double total = 0;
        for (int h = 0; h < 24; h++) {
            weight[h] = h < 7 ? 0.2 : h == 9 || h == 10 || h == 14 || h == 15 ? 3 : h < 21 ? 2 : 0.6;
            total += weight[h];
        }
        long start = day.atStartOfDay(ZONE).toInstant().toEpochMilli();
        String prefix = "gen-" + day.toString().replace("-", "") + "-" + Long.toString(System.nanoTime() % 1_000_000, 36) + "-";
        int callers = Math.max(1, count * 4);
        try (ParallelInserts w = writer = new ParallelInserts(writers, connectionSource);
             InsertBatch calls = batch("call_record", "call_uid, direction, caller_number, queue_id, agent_id, started_at, queued_at,"
                + " agent_answered_at, ended_at, wrapped_up_at, outcome, ivr_path", 12)) {
            for (int n = 0; n < count; n++) {
                double pick = random.nextDouble() * total;
                int hour = 0;
                while (pick > weight[hour] && hour < 23) {
                    pick -= weight[hour++];
                }
                long started = start + hour * 3_600_000L + random.nextInt(3_600_000);
                long queued = started + 15_000 + random.nextInt(45_000);
                double fate = random.nextDouble();
                Long agent = null;
                Timestamp answered = null;
                Timestamp wrapped = null;
                long ended;
                String outcome;
                if (fate < 0.85) {
                    long wait = (long) (-Math.log(1 - random.nextDouble()) * 15_000);
                    long talk = 90_000 + random.nextInt(420_000);
                    agent = agents.get(random.nextInt(agents.size()));
                    answered = at(queued + wait);
                    ended = queued + wait + talk;
                    wrapped = at(ended + 20_000 + random.nextInt(70_000));
                    outcome = "ANSWERED";
                } else if (fate < 0.95) {
                    ended = queued + 5_000 + random.nextInt(120_000);
                    outcome = "ABANDONED";
                } else {
                    ended = queued + 60_000 + random.nextInt(60_000);
                    outcome = "VOICEMAIL";
                }
                calls.add(prefix + n, "INBOUND", "139" + String.format("%08d", random.nextInt(callers)),
                        queues.get(random.nextInt(queues.size())), agent, at(started), at(queued), answered, at(ended), wrapped,
                        outcome, "MAIN>1>0");
            }
        }
    }

    private static Timestamp at(long epochMillis) {
        return Timestamp.valueOf(java.time.LocalDateTime.ofInstant(java.time.Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC));
    }

    private String personName() {
        String name = pick(SURNAMES) + pick(GIVEN);
        return random.nextBoolean() ? name + pick(GIVEN) : name;
    }

    private String mobile() {
        return pick(MOBILE_PREFIX) + String.format("%08d", random.nextInt(100_000_000));
    }

    private String address(long areaId) {
        return "浙江省杭州市" + districts.get(areaId) + pick(STREETS) + (1 + random.nextInt(400)) + "号" + pick(ESTATES)
                + (1 + random.nextInt(30)) + "幢" + (1 + random.nextInt(4)) + "单元" + (1 + random.nextInt(28))
                + String.format("%02d", 1 + random.nextInt(4)) + "室";
    }

    private final Map<Long, String> districts = new HashMap<>();
    private ParallelInserts writer;

    /** Rows of one table, inserted by this run's writers; counted in {@link #rowsWritten()}. */
    private InsertBatch batch(String table, String columnList, int columns) {
        return new InsertBatch(writer, table, columnList, columns, () -> rows++);
    }

    private void loadDistricts() throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT id, district FROM service_area")) {
            while (rs.next()) {
                districts.put(rs.getLong(1), rs.getString(2));
            }
        }
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private long maxId(String table) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long maxSerial() throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(CAST(SUBSTRING(account_number, 1, 9) AS UNSIGNED)), 100000000) FROM account")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<Long> ids(String sql) throws SQLException {
        List<Long> result = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                result.add(rs.getLong(1));
            }
        }
        return result;
    }
}
