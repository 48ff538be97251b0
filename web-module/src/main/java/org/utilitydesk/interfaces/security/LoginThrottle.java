package org.utilitydesk.interfaces.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Holds back whoever keeps guessing passwords, per user name (as typed, so names nobody has are held the same way
 * and a hold tells nothing about who exists) and per client address. After a few failures within
 * {@link #WINDOW} each further try must wait, twice as long each time (a back-off); after more, the name or address
 * is locked for a while. A held try is refused without looking at the password, so guessing through a hold is
 * impossible and costs the server nothing. A successful login clears its name's failures. Entering a back-off or a
 * lock, and an administrator lifting one early, go to the audit ({@link SecurityAudit}).
 *
 * <p>Addresses get higher thresholds than names: a whole contact center can sit behind one address (NAT), and one
 * person's typos must not hold back every desk. The state lives in this instance's memory: a restart clears it,
 * and each instance of a cluster counts for itself.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final Logger LOG = Logger.getLogger(LoginThrottle.class.getName());
    /** Failures older than this are forgotten. */
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final Duration LONGEST_BACKOFF = Duration.ofSeconds(60);
    private static final int MAX_TRACKED = 100_000;

    public enum SubjectType { USER, ADDRESS }

    /** One name or address being held back, as the administrators' page shows it. */
    public record Hold(SubjectType type, String subject, int failures, Instant until, boolean locked) {
    }

    /** The thresholds of one kind of subject. */
    record Rules(int backoffAfter, int lockAfter, Duration lockFor) {
    }

    private static final class Failures {
        int count;
        Instant last;
        Instant until = Instant.EPOCH;
        boolean locked;
        boolean backoffAudited;
    }

    private final Map<String, Failures> tracked = new ConcurrentHashMap<>();

    @Inject
    private SecurityAudit audit;

    @Inject
    @ConfigProperty(name = "utilitydesk.login.user.backoff-after", defaultValue = "5")
    private int userBackoffAfter;

    @Inject
    @ConfigProperty(name = "utilitydesk.login.user.lock-after", defaultValue = "10")
    private int userLockAfter;

    @Inject
    @ConfigProperty(name = "utilitydesk.login.user.lock-minutes", defaultValue = "15")
    private int userLockMinutes;

    @Inject
    @ConfigProperty(name = "utilitydesk.login.address.backoff-after", defaultValue = "40")
    private int addressBackoffAfter;

    @Inject
    @ConfigProperty(name = "utilitydesk.login.address.lock-after", defaultValue = "200")
    private int addressLockAfter;

    @Inject
    @ConfigProperty(name = "utilitydesk.login.address.lock-minutes", defaultValue = "5")
    private int addressLockMinutes;

    private Clock clock = Clock.systemUTC();

    private Rules rules(SubjectType type) {
        return type == SubjectType.USER
                ? new Rules(userBackoffAfter, userLockAfter, Duration.ofMinutes(userLockMinutes))
                : new Rules(addressBackoffAfter, addressLockAfter, Duration.ofMinutes(addressLockMinutes));
    }

    /** How long this try must wait, if the name or the address is held back now; empty if it may go ahead. */
    public Optional<Duration> held(String user, String address) {
        Instant now = clock.instant();
        Instant until = later(untilOf(key(SubjectType.USER, user), now), untilOf(key(SubjectType.ADDRESS, address), now));
        return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    public void failed(String user, String address) {
        Instant now = clock.instant();
        count(SubjectType.USER, normal(user), now);
        count(SubjectType.ADDRESS, address, now);
    }

    public void succeeded(String user) {
        tracked.remove(key(SubjectType.USER, user));
    }

    /** Every name and address held back now, the longest holds first. */
    public List<Hold> holds() {
        Instant now = clock.instant();
        List<Hold> holds = new ArrayList<>();
        tracked.forEach((key, f) -> {
            synchronized (f) {
                if (f.until.isAfter(now)) {
                    holds.add(new Hold(typeOf(key), key.substring(key.indexOf(':') + 1), f.count, f.until, f.locked));
                }
            }
        });
        holds.sort(Comparator.comparing(Hold::until).reversed());
        return holds;
    }

    /** Lifts a hold before its time; true if there was one. */
    public boolean lift(SubjectType type, String subject, String actor) {
        Failures f = tracked.remove(key(type, subject));
        if (f == null) {
            return false;
        }
        int count;
        synchronized (f) {
            count = f.count;
        }
        LOG.info(() -> actor + " lifted the login hold on " + type + " " + subject);
        audit.record(SecurityAudit.Kind.UNLOCKED, type, subject, count, null, actor);
        return true;
    }

    private void count(SubjectType type, String subject, Instant now) {
        if (subject == null || subject.isEmpty()) {
            return;
        }
        if (tracked.size() >= MAX_TRACKED) {
            forgetOld(now);
        }
        Failures f = tracked.computeIfAbsent(key(type, subject), k -> new Failures());
        Rules rules = rules(type);
        SecurityAudit.Kind entered = null;
        Instant until;
        int count;
        synchronized (f) {
            boolean lockOver = f.locked && !f.until.isAfter(now);
            boolean forgotten = f.last != null && f.last.plus(WINDOW).isBefore(now) && !f.until.isAfter(now);
            if (lockOver || forgotten) {
                f.count = 0;
                f.locked = false;
                f.backoffAudited = false;
            }
            f.count++;
            f.last = now;
            if (f.count >= rules.lockAfter() && !f.locked) {
                f.locked = true;
                f.until = now.plus(rules.lockFor());
                entered = SecurityAudit.Kind.LOCKED;
            } else if (f.count >= rules.backoffAfter() && !f.locked) {
                long seconds = Math.min(LONGEST_BACKOFF.toSeconds(), 1L << Math.min(20, f.count - rules.backoffAfter()));
                f.until = now.plusSeconds(seconds);
                if (!f.backoffAudited) {
                    f.backoffAudited = true;
                    entered = SecurityAudit.Kind.BACKOFF;
                }
            }
            until = f.until;
            count = f.count;
        }
        if (entered != null) {
            SecurityAudit.Kind kind = entered;
            LOG.warning(() -> "login " + (kind == SecurityAudit.Kind.LOCKED ? "locked" : "held back") + " for " + type
                    + " " + subject + " after " + count + " failures, until " + until);
            audit.record(kind, type, subject, count, until, null);
        }
    }

    private Instant untilOf(String key, Instant now) {
        Failures f = tracked.get(key);
        if (f == null) {
            return Instant.EPOCH;
        }
        synchronized (f) {
            return f.until;
        }
    }

    private void forgetOld(Instant now) {
        tracked.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return !e.getValue().until.isAfter(now) && e.getValue().last.plus(WINDOW).isBefore(now);
            }
        });
        if (tracked.size() >= MAX_TRACKED) {
            // a flood of names within the window: those not held back now go first
            tracked.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    return !e.getValue().until.isAfter(now);
                }
            });
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static String key(SubjectType type, String subject) {
        return type.name() + ":" + (type == SubjectType.USER ? normal(subject) : subject);
    }

    private static SubjectType typeOf(String key) {
        return SubjectType.valueOf(key.substring(0, key.indexOf(':')));
    }

    /** Names compare without case or surrounding blanks, and only as long as a name can be. */
    private static String normal(String user) {
        if (user == null) {
            return "";
        }
        String n = user.strip().toLowerCase(Locale.ROOT);
        return n.length() > 64 ? n.substring(0, 64) : n;
    }

    public LoginThrottle() {
    }

    /** For tests: the defaults, an audit that collects and a clock that can be moved. */
    LoginThrottle(SecurityAudit audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
        this.userBackoffAfter = 5;
        this.userLockAfter = 10;
        this.userLockMinutes = 15;
        this.addressBackoffAfter = 40;
        this.addressLockAfter = 200;
        this.addressLockMinutes = 5;
    }
}
