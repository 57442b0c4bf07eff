#!/usr/bin/env bash
# Benchmark of webhook-ingest (docs/benchmarks.md, section webhook-ingest): signed webhooks, each with its own
# envelope id, at 50 connections against the packaged service with a real Kafka broker on this machine; the same
# load against a no-op endpoint of the same service as the ceiling; then the topic's record count against the 200s.
#
# usage: dev/bench/webhook-ingest.sh          (DURATION=20 WARMUP=20 CONNECTIONS=50 THREADS=2 to change)
# needs: a JDK >= 21 in JAVA_HOME, python3, wrk (apt-get install -y wrk). Everything listens on 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION=${DURATION:-20}
WARMUP=${WARMUP:-20}
CONNECTIONS=${CONNECTIONS:-50}
THREADS=${THREADS:-2}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
# Pre-signed requests per second of load; more than the service can take, so no id is ever sent twice.
IDS_PER_SECOND=30000

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_for() { # what, seconds, command...
    local what=$1 seconds=$2; shift 2
    for _ in $(seq "$seconds"); do "$@" >/dev/null 2>&1 && return 0; sleep 1; done
    echo "$what did not come up in ${seconds}s" >&2; exit 1
}

echo "== building webhook-ingest with the bench profile (adds POST /bench/noop)"
./mvnw -B -q -pl webhook-ingest -am package -DskipTests -Dquarkus.profile=bench \
    -Dquarkus.package.output-directory=bench-app
./mvnw -B -q -pl libs/testkit dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile="$work/testkit.classpath"
classpath="libs/testkit/target/classes:$(cat "$work/testkit.classpath")"

# exec: in the background, $! must be the JVM itself, or the cleanup would stop only a shell and leave the broker.
bench_kafka() { exec "$JAVA_HOME/bin/java" -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$classpath" \
    dev/bench/BenchKafka.java "$@"; }
kafka_port=$(free_port)
http_port=$(free_port)
bench_kafka broker "$kafka_port" >"$work/kafka.log" 2>&1 &
pids+=($!)
wait_for "Kafka" 90 grep -q '^READY' "$work/kafka.log"

# A fresh secret per run, handed over in the environment only.
BENCH_WEBHOOK_SECRET=$(python3 -c 'import secrets; print(secrets.token_hex(32))')
export BENCH_WEBHOOK_SECRET
ONBOARDING_HUBS_BENCH_PARTNER_ID=pBench ONBOARDING_HUBS_BENCH_PAYMENT_MODE=partner \
    ONBOARDING_HUBS_BENCH_WEBHOOK_SECRET="$BENCH_WEBHOOK_SECRET" \
    KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$kafka_port" QUARKUS_HTTP_PORT="$http_port" QUARKUS_HTTP_HOST=127.0.0.1 \
    "$JAVA_HOME/bin/java" -Xmx512m -jar webhook-ingest/target/bench-app/quarkus-run.jar >"$work/service.log" 2>&1 &
pids+=($!)
wait_for "webhook-ingest" 90 curl -fsS "http://127.0.0.1:$http_port/q/health/ready"

python3 dev/bench/signed-requests.py warm $((WARMUP * IDS_PER_SECOND)) >"$work/warm.txt"
python3 dev/bench/signed-requests.py run $((DURATION * IDS_PER_SECOND)) >"$work/run.txt"
unset BENCH_WEBHOOK_SECRET

load() { # path, requests file, seconds
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$3s" --timeout 10s -s dev/bench/webhook-ingest.lua \
        "http://127.0.0.1:$http_port$1" -- "$2" "$THREADS" | grep '^RESULT'
}
records() { bench_kafka count "127.0.0.1:$kafka_port" hub.webhooks; }
# The service's own count of 200s (first copies and duplicates): wrk stops counting with requests still in flight.
answered_200() {
    curl -fsS "http://127.0.0.1:$http_port/q/metrics" \
        | awk '/^webhooks_(accepted|duplicates)_total\{.*hub="bench"/ { sum += $2 } END { printf "%d\n", sum }'
}

echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the run"
echo "== warm-up (${WARMUP}s each, not reported)"
load /bench/noop "$work/warm.txt" "$WARMUP" >/dev/null
load /webhooks/360dialog/bench "$work/warm.txt" "$WARMUP" >/dev/null

echo "== no-op endpoint (ceiling), ${DURATION}s, ${CONNECTIONS} connections"
noop=$(load /bench/noop "$work/run.txt" "$DURATION")
echo "$noop"

records_before=$(records)
answered_before=$(answered_200)
echo "== signed webhooks, ${DURATION}s, ${CONNECTIONS} connections"
ingest=$(load /webhooks/360dialog/bench "$work/run.txt" "$DURATION")
echo "$ingest"
# Requests still in flight when wrk stopped finish (or time out) within the publish timeout: let them settle.
answered_after=$(answered_200)
for _ in $(seq 10); do
    sleep 1
    now=$(answered_200)
    [ "$now" = "$answered_after" ] && break
    answered_after=$now
done
records_after=$(records)
echo "== machine: load average $(cut -d' ' -f1-3 /proc/loadavg) after the run"

field() { sed -E "s/.* $1=([0-9.]+).*/\1/" <<<"$2"; }
written=$((records_after - records_before))
answered=$((answered_after - answered_before))
seen=$(field ok "$ingest")
echo "== records written during the run: $written; 200s answered by the service: $answered; 200s wrk counted: $seen"
echo "== ceiling ratio (webhook requests/s / no-op requests/s): $(python3 -c "print(f'{$(field rps "$ingest") / $(field rps "$noop"):.3f}')")"
if [ "$(field exhausted "$ingest")" != 0 ]; then
    echo "INVALID: ran out of pre-signed ids, raise IDS_PER_SECOND" >&2; exit 1
fi
if [ "$written" != "$answered" ] || [ "$seen" -gt "$answered" ] || [ $((answered - seen)) -gt "$CONNECTIONS" ]; then
    echo "MISMATCH: the topic does not hold exactly one record per 200" >&2; exit 1
fi
echo "OK: the topic holds exactly one record per 200 ($((answered - seen)) of them answered after wrk stopped reading)"
