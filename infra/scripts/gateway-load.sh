#!/usr/bin/env bash
# Load through the gateway on the embedded stack (issue 5 "Speed"): a partial stack on private ports (dev MongoDB-wire
# server with its H2 backend, dev KRaft broker, marking-service, gateway) started with the launcher's JVM flags, then
# marking-service's LoadDriver: single marks (closed loop, bounded concurrency) and one 10,000-answer batch. Heap
# limits as the launcher sets them (mongo -Xmx256m, kafka -Xmx512m).
# The load average (1 min) is printed before and after every run.
#
#   infra/scripts/gateway-load.sh [mark|mark-learners|batch|all]     (default all)
#
# Needs the exec jars and the test classpath:
#   ./mvnw -B -ntp -o -pl gateway,marking-service,infra -am package -DskipTests
#   ./mvnw -B -ntp -o -q -pl marking-service -am test-compile dependency:build-classpath \
#     -Dmdep.outputFile=/tmp/perf-cp.txt -Dmdep.includeScope=test
# Env: SERVICE_OPTS (JVM flags for marking-service and gateway; default the launcher's C1-only set), N (5000),
#   CONCURRENCY (16), WARMUP (2000), BATCH (10000), LEARNERS (50: learners the mark-learners run spreads over),
#   CP_FILE (/tmp/perf-cp.txt), PORT_BASE (186: ports ${PORT_BASE}xx), KEEP=1 leaves the stack running,
#   INFRA_JAR and MARKING_JAR (the dev Mongo/Kafka and marking-service exec jars; e.g. an older build's, for
#   before/after pairs), MONGO_OPTS (extra JVM flags for the Mongo server, e.g. -XX:StartFlightRecording=...).
set -u
cd "$(dirname "$0")/../.."
J=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
V=0.1.0-SNAPSHOT
P=${PORT_BASE:-186}
B=target/gateway-load
INFRA_JAR=${INFRA_JAR:-infra/target/infra-$V-exec.jar}
MARKING_JAR=${MARKING_JAR:-marking-service/target/marking-service-$V-exec.jar}
LAUNCHER_OPTS="-Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xms32m --enable-native-access=ALL-UNNAMED"
SERVICE_OPTS=${SERVICE_OPTS:-$LAUNCHER_OPTS}
N=${N:-5000} CONCURRENCY=${CONCURRENCY:-16} WARMUP=${WARMUP:-2000} BATCH=${BATCH:-10000} LEARNERS=${LEARNERS:-50}
CP=marking-service/target/test-classes:marking-service/target/classes:$(cat "${CP_FILE:-/tmp/perf-cp.txt}")
export MARKPOINT_INTERNAL_SECRET=markpoint-load-script-internal-secret-0123456789
export MARKPOINT_DEV_ISSUER_ENABLED=true MARKPOINT_RATE_LIMIT_CAPACITY=1000000 \
  MARKPOINT_RATE_LIMIT_REFILL_PER_SECOND=1000000
export MARKPOINT_MONGODB_URI=mongodb://127.0.0.1:${P}17 MARKPOINT_KAFKA_BOOTSTRAP=127.0.0.1:${P}92
export MARKPOINT_MARKING_URL=http://127.0.0.1:${P}82
GW=http://127.0.0.1:${P}80
PIDS=()
NAMES=()
cpu_of() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
cpu_all() { for p in "${PIDS[@]}"; do cpu_of "$p"; done; }
load() { cut -d' ' -f1 /proc/loadavg; }
wait_for() { for _ in $(seq 1 300); do curl -sf -o /dev/null "$1" && return 0; sleep 0.5; done; echo "no $1" >&2; exit 1; }
stop() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done; for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null; done; }
[[ ${KEEP:-0} == 1 ]] || trap stop EXIT

rm -rf $B; mkdir -p $B/mongo $B/kafka
# shellcheck disable=SC2086
$J $LAUNCHER_OPTS -Xmx256m ${MONGO_OPTS:-} -jar "$INFRA_JAR" mongo --port ${P}17 --data $B/mongo > $B/mongo.log 2>&1 &
PIDS+=($!); NAMES+=(mongo)
$J $LAUNCHER_OPTS -Xmx512m -jar "$INFRA_JAR" kafka --port ${P}92 --controller-port ${P}93 \
  --data $B/kafka > $B/kafka.log 2>&1 &
PIDS+=($!); NAMES+=(kafka)
sleep 3
# shellcheck disable=SC2086 # flag lists
$J $SERVICE_OPTS -jar "$MARKING_JAR" --server.port=${P}82 > $B/marking.log 2>&1 &
PIDS+=($!); NAMES+=(marking); echo "marking-service pid $!"
# shellcheck disable=SC2086
$J $SERVICE_OPTS -jar gateway/target/gateway-$V-exec.jar --server.port=${P}80 > $B/gateway.log 2>&1 &
PIDS+=($!); NAMES+=(gateway); echo "gateway pid $!"
wait_for http://127.0.0.1:${P}82/actuator/health/readiness
wait_for $GW/actuator/health
export MARKPOINT_TOKEN
MARKPOINT_TOKEN=$(curl -s -X POST -H 'Content-Type: application/json' -d '{"subject":"load-driver","tenant":"demo",
  "roles":["lms","tutor"],"ttlSeconds":28800}' $GW/auth/dev/token | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
[[ -n $MARKPOINT_TOKEN ]] || { echo "no dev token" >&2; exit 1; }
echo "stack up; SERVICE_OPTS=$SERVICE_OPTS"
# each run: the load average before and after, and the CPU seconds each process used during it (driver included),
# per answer too; "if alone" = 2 cores / CPU per answer, the rate this machine would reach with nothing else on it and
# every process busy (a bound, not a measurement)
run() {
  local answers=$3
  echo "== $* (load before $(load))"
  local -a before after
  mapfile -t before < <(cpu_all)
  local t0 t1
  t0=$(date +%s.%N)
  /usr/bin/time -o $B/driver.time -f "%U %S" "$J" -cp "$CP" org.markpoint.marking.cli.LoadDriver "$@"
  t1=$(date +%s.%N)
  mapfile -t after < <(cpu_all)
  local line="   cpu s:" i total=0 d
  for i in "${!PIDS[@]}"; do
    d=$(awk -v a="${after[$i]}" -v b="${before[$i]}" 'BEGIN {printf "%.1f", (a - b) / 100}')
    line+=" ${NAMES[$i]} $d"
    total=$(awk -v t="$total" -v d="$d" 'BEGIN {print t + d}')
  done
  d=$(awk '{printf "%.1f", $1 + $2}' $B/driver.time)
  line+=" driver $d"
  awk -v t="$total" -v d="$d" -v n="$answers" -v w="$(awk -v a="$t0" -v b="$t1" 'BEGIN {print b - a}')" 'BEGIN {
    printf "   per answer: stack %.2f ms CPU, driver %.2f ms; wall %.1f s; if alone on 2 cores: %.0f answers/s\n",
      1000 * t / n, 1000 * d / n, w, 2 * n / (t + d) }'
  echo "$line; load after $(load)"
}
# warm-up requests first (not counted), in a run of their own so the CPU figures cover only the measured answers
mark_run() {
  "$J" -cp "$CP" org.markpoint.marking.cli.LoadDriver mark "$1" "$WARMUP" "$CONCURRENCY" 0 ${2:+"$2"} > /dev/null
  run mark "$1" "$N" "$CONCURRENCY" 0 ${2:+"$2"}
}
case ${1:-all} in
  mark) mark_run $GW/api/v1/marking/mark ;;
  mark-learners) mark_run $GW/api/v1/marking/mark "$LEARNERS" ;;
  batch) run batch $GW/api/v1/marking/batches "$BATCH" ;;
  all) mark_run $GW/api/v1/marking/mark
       mark_run $GW/api/v1/marking/mark "$LEARNERS"
       run batch $GW/api/v1/marking/batches "$BATCH" ;;
esac
rss="rss MB after the runs:"
for i in "${!PIDS[@]}"; do rss+=" ${NAMES[$i]} $(( $(ps -o rss= -p "${PIDS[$i]}" 2>/dev/null || echo 0) / 1024 ))"; done
echo "$rss"
