#!/usr/bin/env bash
# springdoc's start-up cost: marking-service started twice with and twice without springdoc (alternating), against the
# dev MongoDB-wire server (no broker: Kafka clients retry in the background and do not hold start-up up).
# Needs the exec jars: ./mvnw -B -ntp -o -pl infra,marking-service -am package -DskipTests
set -u
cd "$(dirname "$0")/../.."
J=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
B=target/bench
rm -rf $B/mongo; mkdir -p $B/mongo
$J -jar infra/target/infra-0.1.0-SNAPSHOT-exec.jar mongo --port 18917 --data $B/mongo > $B/mongo.log 2>&1 &
MONGO=$!
sleep 5
for i in 1 2; do  # pairs
  for docs in true false; do
    $J -jar marking-service/target/marking-service-0.1.0-SNAPSHOT-exec.jar --server.port=18982 \
      --spring.mongodb.uri=mongodb://127.0.0.1:18917 --spring.kafka.bootstrap-servers=127.0.0.1:18999 \
      --springdoc.api-docs.enabled=$docs --logging.level.org.apache.kafka=OFF > $B/run.log 2>&1 &
    P=$!
    for _ in $(seq 1 600); do grep -q "Started MarkingApplication" $B/run.log && break; sleep 0.5; done
    started=$(grep -o "Started MarkingApplication in [0-9.]* seconds" $B/run.log | grep -o "[0-9.]*")
    read -r ut st < <(awk '{print $14, $15}' /proc/$P/stat)
    cpu=$(awk -v u="$ut" -v s="$st" 'BEGIN {printf "%.1f", (u + s) / 100}')
    first=""; second=""
    if [[ $docs == true ]]; then
      first=$(curl -s -o /dev/null -w '%{time_total}' localhost:18982/v3/api-docs)
      second=$(curl -s -o /dev/null -w '%{time_total}' localhost:18982/v3/api-docs)
    fi
    echo "springdoc=$docs started_s=$started cpu_s=$cpu first_api_docs_s=$first second_api_docs_s=$second load=$(cut -d' ' -f1 /proc/loadavg)"
    kill $P; wait $P 2>/dev/null
  done
done
kill $MONGO; wait $MONGO 2>/dev/null
