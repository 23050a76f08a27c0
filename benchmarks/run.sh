#!/usr/bin/env bash
# Builds the benchmarks module and runs every workload against every peer, then rewrites
# benchmarks/RESULTS.md. Runs on the JDK of JAVA_HOME (or the java on PATH); virtual-thread peers
# need JDK 21+ (use JDK 25: JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 benchmarks/run.sh).
#
#   benchmarks/run.sh                       everything (under 15 minutes on 2 cores)
#   benchmarks/run.sh --quick               tiny iterations, to check that everything runs
#   benchmarks/run.sh --only W1,W6          a subset
#   benchmarks/run.sh --conditions "quiet machine, nothing else running"
#   BENCH_MAVEN_ARGS=-DskipJawait benchmarks/run.sh   peers only (jawait's workloads not built)
set -euo pipefail
cd "$(dirname "$0")/.."
# clean: the compiler plugin does not notice a changed annotation processor, and would keep the
# workloads compiled by the previous one.
mvn -q -B -Pbench -pl benchmarks -am -Dmaven.test.skip=true ${BENCH_MAVEN_ARGS:-} clean package
cd benchmarks
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$JAVA" -cp "target/classes:$(cat target/classpath.txt)" io.jawait.bench.RunAll \
    --python python/asyncio_bench.py --out RESULTS.md \
    --revision "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo ' (with local changes)')" "$@"
