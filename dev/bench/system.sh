#!/usr/bin/env bash
# The whole system's onboardings per second (docs/benchmarks.md, "The whole system: onboardings per second"): builds
# the stack as dev/e2e runs it and runs dev/bench's SystemBenchmark, one round per size on one stack.
#
# usage: dev/bench/system.sh [N...]        (default 100 1000 10000; VISITORS=20 WARMUP=100 to change)
# prints BENCHMARK lines per round and a markdown table; the stack's logs land in dev/bench/target/bench/.
set -euo pipefail
cd "$(dirname "$0")/../.."
. dev/jdk.sh
sizes=${*:-100 1000 10000}
mkdir -p dev/bench/target
# Maven's whole output goes to dev/bench/target/system.log; the figures, errors and the outcome are shown.
./mvnw -B -pl dev/bench -am package -Dtest=SystemBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbench.sizes="$sizes" -Dbench.visitors="${VISITORS:-20}" -Dbench.warmup="${WARMUP:-100}" 2>&1 \
    | tee dev/bench/target/system.log | grep --line-buffered -E '^(BENCHMARK|\|)|ERROR|BUILD|Tests run:'
echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end; report: dev/bench/target/bench/system.md"
