# Shared settings and helpers of the start, stop and test scripts. Sourced, not run.
#
# An instance is one complete set of running pieces (database, broker, Payara domain) with its own ports
# and data under .runtime/<instance>. "demo" is what `start` runs; "test" is what `test` runs, so tests
# never touch the demo data and both can run side by side.
#
# Everything can be pointed elsewhere with environment variables (see README "Using your own ..."):
#   UD_DB_URL / UD_DB_USER / UD_DB_PASSWORD      an existing MySQL 8 or MariaDB (no embedded MariaDB then)
#   UD_BROKER_HOST / UD_BROKER_PORT / UD_BROKER_USER / UD_BROKER_PASSWORD   an existing Artemis broker
#   UD_PAYARA_HOME / UD_DOMAIN                    an existing Payara Server 6 installation and domain
#   UD_AMI_HOST / UD_AMI_PORT / UD_AMI_USER / UD_AMI_PASSWORD, UD_AGI_PORT   the Asterisk to talk to
#   UD_AMI_MAX_BACKOFF                            ceiling in seconds of the AMI reconnect back-off (30)
#   UD_SLA_CHECK_SECONDS                          how often the SLA watch looks at open work orders (60)
#   UD_ROUTING_CHECK_SECONDS                      how often orders stored but never routed are looked for (60)
#   UD_SMTP_HOST / UD_SMTP_PORT / UD_SMTP_FROM    the mail server notifications go through (none: e-mail waits)
#   UD_SMPP_HOST / UD_SMPP_PORT / UD_SMPP_SYSTEM_ID / UD_SMPP_PASSWORD   the SMS centre (none: SMS waits)
#   UD_OUTBOX_POLL_SECONDS / UD_OUTBOX_RETRY_SECONDS   how often the outbox is emptied (5) and the first retry delay (30)
#   UD_KNOWLEDGE_INDEX_DIR                        where the knowledge search index lives (<domain>/data/knowledge-index)
#   UD_TTS_DIR                                    Asterisk's sounds folder, for prompts synthesized from free text (none: off)
#   UD_IVR_WARM_UP_CALLS                          calls the IVR makes to itself after deployment to warm up (3000; 0: none)
#   UD_HTTP_ADDRESS                               the address the pages and the API listen on (127.0.0.1)
#   UD_HTTP_THREADS, UD_HTTP_BODY_WAIT_SECONDS    request threads for pages and API (400); seconds a body may pause (20)
#   UD_ADMIN_ADDRESS                              the address Payara's administration listens on (127.0.0.1)
#   UD_AGI_ADDRESS                                the address FastAGI listens on (127.0.0.1; open it to the Asterisk hosts only)
#   UD_BROKER_ADDRESS                             the address the broker the scripts start listens on (127.0.0.1)
#   UD_ADMIN_USER / UD_ADMIN_PASSWORD_FILE        Payara's administrator and an asadmin password file (AS_ADMIN_PASSWORD=…)
#                                                 for a domain of your own (UD_PAYARA_HOME); ours generates its own
#
# No password is committed: those not given are generated for the instance at its first start and kept in
# .runtime/<instance>/secrets (the folder only its owner can enter, each file mode 600).

set -euo pipefail

UD_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
UD_INSTANCE=${UD_INSTANCE:-demo}
RUNTIME=${UD_RUNTIME_DIR:-$UD_ROOT/.runtime}
INST=$RUNTIME/$UD_INSTANCE
mkdir -p "$INST/logs"
# Everything under .runtime (configurations holding passwords, databases, logs) is its owner's alone.
chmod 700 "$RUNTIME" "$INST"

# instance_secret NAME [LENGTH]: a secret generated for this instance at first use, kept in $INST/secrets/NAME
# (mode 600): letters and digits, 24 of them unless LENGTH says fewer (SMPP allows passwords of 8 at most).
instance_secret() {
  local file=$INST/secrets/$1 length=${2:-24}
  if [ ! -s "$file" ]; then
    mkdir -p "$INST/secrets" && chmod 700 "$INST/secrets"
    (umask 077 && head -c 96 /dev/urandom | base64 -w0 | tr -dc 'A-Za-z0-9' | head -c "$length" > "$file")
  fi
  cat "$file"
}

PAYARA_VERSION=6.2025.10
ARTEMIS_VERSION=2.40.0
MYSQL_CONNECTOR_VERSION=9.7.0

case "$UD_INSTANCE" in
  demo) PORT_BASE=8000;  DB_PORT_DEFAULT=3307;  BROKER_PORT_DEFAULT=61616; AGI_PORT_DEFAULT=4573 ;;
  test) PORT_BASE=20000; DB_PORT_DEFAULT=23307; BROKER_PORT_DEFAULT=26616; AGI_PORT_DEFAULT=24573 ;;
  *) echo "unknown instance '$UD_INSTANCE' (demo or test)" >&2; exit 2 ;;
esac

HTTP_PORT=$((PORT_BASE + 80))
ADMIN_PORT=$((PORT_BASE + 48))
HTTP_ADDRESS=${UD_HTTP_ADDRESS:-127.0.0.1}
ADMIN_ADDRESS=${UD_ADMIN_ADDRESS:-127.0.0.1}
HTTP_THREADS=${UD_HTTP_THREADS:-400}
HTTP_BODY_WAIT_SECONDS=${UD_HTTP_BODY_WAIT_SECONDS:-20}
# Payara's administrator: asadmin reads the password from a file (never the command line)
ADMIN_USER=${UD_ADMIN_USER:-admin}
ADMIN_PASSWORD_FILE=${UD_ADMIN_PASSWORD_FILE:-$INST/secrets/payara-admin.asadmin}

DB_EMBEDDED=true
[ -n "${UD_DB_URL:-}" ] && DB_EMBEDDED=false
DB_PORT=$DB_PORT_DEFAULT
DB_NAME=utilitydesk
DB_URL=${UD_DB_URL:-jdbc:mysql://127.0.0.1:$DB_PORT/$DB_NAME}
DB_USER=${UD_DB_USER:-utilitydesk}
DB_PASSWORD=${UD_DB_PASSWORD:-$(instance_secret database)}

BROKER_EMBEDDED=true
[ -n "${UD_BROKER_HOST:-}" ] && BROKER_EMBEDDED=false
BROKER_HOST=${UD_BROKER_HOST:-127.0.0.1}
BROKER_PORT=${UD_BROKER_PORT:-$BROKER_PORT_DEFAULT}
BROKER_USER=${UD_BROKER_USER:-utilitydesk}
BROKER_PASSWORD=${UD_BROKER_PASSWORD:-$(instance_secret broker)}
BROKER_ADDRESS=${UD_BROKER_ADDRESS:-127.0.0.1}

AGI_PORT=${UD_AGI_PORT:-$AGI_PORT_DEFAULT}
AGI_ADDRESS=${UD_AGI_ADDRESS:-127.0.0.1}
AMI_HOST=${UD_AMI_HOST:-}
AMI_PORT=${UD_AMI_PORT:-5038}
AMI_USER=${UD_AMI_USER:-utilitydesk}
AMI_PASSWORD=${UD_AMI_PASSWORD:-$(instance_secret asterisk-ami)}
AMI_MAX_BACKOFF=${UD_AMI_MAX_BACKOFF:-30}
SLA_CHECK_SECONDS=${UD_SLA_CHECK_SECONDS:-60}
ROUTING_CHECK_SECONDS=${UD_ROUTING_CHECK_SECONDS:-60}
KNOWLEDGE_INDEX_DIR=${UD_KNOWLEDGE_INDEX_DIR:-}
TTS_DIR=${UD_TTS_DIR:-}
IVR_WARM_UP_CALLS=${UD_IVR_WARM_UP_CALLS:-}
SMTP_HOST=${UD_SMTP_HOST:-}
SMTP_PORT=${UD_SMTP_PORT:-25}
SMTP_FROM=${UD_SMTP_FROM:-utilitydesk@localhost}
SMPP_HOST=${UD_SMPP_HOST:-}
SMPP_PORT=${UD_SMPP_PORT:-2775}
SMPP_SYSTEM_ID=${UD_SMPP_SYSTEM_ID:-utilitydesk}
SMPP_PASSWORD=${UD_SMPP_PASSWORD:-}
OUTBOX_POLL_SECONDS=${UD_OUTBOX_POLL_SECONDS:-5}
OUTBOX_RETRY_SECONDS=${UD_OUTBOX_RETRY_SECONDS:-30}

# The Asterisk the scripts run (the tests': a build from source, see build-asterisk): SIP, manager and RTP ports,
# and the SIP ports of the test phones (the carrier's side of the trunk, the agents' phones).
ASTERISK_DIR=$INST/asterisk
ASTERISK_SIP_PORT=$((PORT_BASE + 5060))
ASTERISK_AMI_PORT=$((PORT_BASE + 5039))
# 5,000 RTP ports: two a call, for the benchmark's 600 calls at once with room to spare
case "$UD_INSTANCE" in demo) ASTERISK_RTP_START=40000 ;; *) ASTERISK_RTP_START=30000 ;; esac
ASTERISK_RTP_END=$((ASTERISK_RTP_START + 4999))
TRUNK_CALLER_PORT=$((PORT_BASE + 5070))
TRUNK_CUSTOMER_PORT=$((PORT_BASE + 5071))
AGENT_PHONE_PORT=$((PORT_BASE + 5080))

PAYARA_HOME=${UD_PAYARA_HOME:-$RUNTIME/payara6}
DOMAIN=${UD_DOMAIN:-utilitydesk-$UD_INSTANCE}
ARTEMIS_HOME=$RUNTIME/apache-artemis-$ARTEMIS_VERSION
BROKER_DIR=$INST/broker
DB_HOME=$INST/mariadb
EAR=$UD_ROOT/ear/target/utilitydesk.ear
RAR=$UD_ROOT/server-config/artemis-ra/target/artemis-ra.rar

log() { printf '[%s %s] %s\n' "$(date +%H:%M:%S)" "$UD_INSTANCE" "$*"; }
die() { log "ERROR: $*" >&2; exit 1; }

asadmin() {
  local credentials=()
  [ -f "$ADMIN_PASSWORD_FILE" ] && credentials=(--user "$ADMIN_USER" --passwordfile "$ADMIN_PASSWORD_FILE")
  "$PAYARA_HOME/bin/asadmin" --port "$ADMIN_PORT" --interactive=false "${credentials[@]}" "$@"
}

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# wait_for DESCRIPTION SECONDS COMMAND...: polls COMMAND once a second until it succeeds.
wait_for() {
  local what=$1 limit=$2; shift 2
  local i
  for ((i = 0; i < limit; i++)); do
    if "$@"; then return 0; fi
    sleep 1
  done
  die "$what not ready after ${limit}s"
}

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# Fetches one artifact from Maven Central (through the local repository) into $RUNTIME/downloads.
fetch() {
  local coords=$1 file=$2
  mkdir -p "$RUNTIME/downloads"
  if [ ! -f "$RUNTIME/downloads/$file" ]; then
    log "fetching $coords"
    (cd "$UD_ROOT" && mvn -B -N org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
        -Dartifact="$coords" -DoutputDirectory="$RUNTIME/downloads" -Dmdep.overWriteIfNewer=true > "$INST/logs/fetch.log" 2>&1) \
      || { tail -20 "$INST/logs/fetch.log"; die "could not fetch $coords from Maven Central"; }
  fi
}

sql_tool() {
  java -Ddb.url="$DB_URL" -Ddb.user="$DB_USER" -Ddb.password-file=<(printf '%s' "$DB_PASSWORD") \
    -Djava.util.logging.config.file=/dev/null \
    -cp "$UD_ROOT/sql/target/utilitydesk-sql-0.1.0-SNAPSHOT.jar:$UD_ROOT/sql/target/lib/*" org.utilitydesk.sql.SqlTool "$@"
}

# run_job <job> <parameters JSON>: starts a batch job on the running instance as the demo supervisor, waits
# for it to end, prints the execution (status, step counts) and the wall time.
run_job() {
  local api="http://127.0.0.1:$HTTP_PORT/utilitydesk/api" auth="supervisor:super123" started id body status t0
  t0=$(date +%s.%N)
  started=$(curl -sS -u "$auth" -H 'Content-Type: application/json' -d "$2" "$api/jobs/$1") || die "the application is not running"
  id=$(sed -n 's/.*"executionId":\([0-9]*\).*/\1/p' <<< "$started")
  [ -n "$id" ] || die "job $1 did not start: $started"
  while :; do
    body=$(curl -sS -u "$auth" "$api/jobs/executions/$id")
    status=$(sed -n 's/.*"batchStatus":"\([A-Z]*\)".*/\1/p' <<< "$body" | head -1)
    case "$status" in COMPLETED|FAILED|STOPPED|ABANDONED) break ;; esac
    sleep 1
  done
  echo "$body"
  printf 'job=%s execution=%s status=%s wall_seconds=%.1f\n' "$1" "$id" "$status" "$(echo "$(date +%s.%N) - $t0" | bc)"
}

# bench_java <java arguments…>: compiles the tests (and the modules they need, from this source tree: a
# fresh machine has none of them in its local Maven repository) and runs java with the test classpath.
bench_java() {
  (cd "$UD_ROOT" && mvn -B -q -pl ear -am test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt \
     -Dmdep.includeScope=test > "$INST/logs/benchmark-build.log" 2>&1) || die "build failed; see $INST/logs/benchmark-build.log"
  java -cp "$UD_ROOT/ear/target/test-classes:$(cat "$UD_ROOT/ear/target/test-classpath.txt")" "$@"
}
