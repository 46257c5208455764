#!/usr/bin/env bash
# bench/run.sh: every transmit-mock benchmark in one run; writes bench/RESULTS.md and prints it.
#
#   bench/run.sh                 build (mvn -Pbench) and run everything (about 20 minutes)
#   QUICK=1 bench/run.sh         short smoke run (numbers are not meaningful)
#   SKIP_BUILD=1 bench/run.sh    reuse bench/target/benchmarks.jar and server/target/transmit-mock-server.jar
#   BEFORE_JAR=old.jar ...       also time the start-up of another server jar (before/after comparisons)
#   DOCKER_IMAGE=transmit-mock:local   image for the `docker run` to healthy figure (skipped when absent)
#   JDK25=/path/to/jdk-25        a JDK 25+ for the AOT-cache rows (default: the first under /usr/lib/jvm; skipped when none)
#   MOCK_OAUTH2_VERSION=2.3.0    mock-oauth2-server (navikt), resolved from Maven Central: the reference the start-up
#                                and memory targets are ratios of; MOCK_OAUTH2=0 skips it
#
# Needs: JDK 17, Maven, wrk (Debian: apt-get install wrk), curl, awk; Docker optional.
# Every ratio divides by a reference measured in the same run on the same machine.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
QUICK=${QUICK:-0}
OUT=bench/target/results
SERVER_JAR=server/target/transmit-mock-server.jar
BENCH_JAR=bench/target/benchmarks.jar
WRK=${WRK:-wrk}
CONNECTIONS=(1 8 32)
if [ "$QUICK" = 1 ]; then
  JMH_ARGS=(-f 1 -wi 1 -w 1s -i 1 -r 1s)
  LOAD_SECONDS=3 WARMUP_SECONDS=2 MEMORY_ROUNDS=2 MEMORY_TOKENS=2000 STARTUP_RUNS=2
else
  JMH_ARGS=(-f 1 -wi 2 -w 2s -i 3 -r 2s)
  LOAD_SECONDS=10 WARMUP_SECONDS=8 MEMORY_ROUNDS=3 MEMORY_TOKENS=100000 STARTUP_RUNS=5
fi
# JVM flags for a small emulator (container); see bench/README.md for how they were chosen.
SMALL_FLAGS=${SMALL_FLAGS:--XX:+UseSerialGC -Xms16m -Xmx64m -XX:MaxMetaspaceSize=64m -XX:ReservedCodeCacheSize=32m -Xss512k -XX:MaxDirectMemorySize=32m -XX:TieredStopAtLevel=1}
# Environment of the small server: fewer glibc malloc arenas for Jetty's many threads.
SMALL_ENV=${SMALL_ENV:-MALLOC_ARENA_MAX=2}

load_avg() { cut -d' ' -f1 /proc/loadavg; }
rss_mib() { awk '/^VmRSS:/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
free_port() { java -cp "$BENCH_JAR" dev.transmitmock.bench.load.FreePort; }
log() { echo "== $*" >&2; }

mkdir -p "$OUT"
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
STARTED_AT=$(date -u +%Y-%m-%dT%H:%M:%SZ)
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  log "building (mvn -Pbench -pl bench -am package)"
  mvn -B -ntp -q -Pbench -pl bench -am package -DskipTests
fi
command -v "$WRK" >/dev/null || { echo "wrk not found (apt-get install wrk)" >&2; exit 2; }
LAUNCHER=server/target/transmit-mock          # the README's run command
NATIVE=server/target/transmit-mock-server     # the native executable, when one was built (see bench/README.md)
JAVA17_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")

# A JDK 25+ for the AOT-cache rows: JDK25, else the first one under /usr/lib/jvm.
if [ -z "${JDK25:-}" ]; then
  for release in /usr/lib/jvm/*/release; do
    if grep -qE '^JAVA_VERSION="(2[5-9]|[3-9][0-9])' "$release" 2>/dev/null; then JDK25=${release%/release}; break; fi
  done
fi
AOT=server/target/transmit-mock-server.aot
if [ -n "${JDK25:-}" ] && [ ! -f "$AOT" ]; then
  log "training a JDK 25 AOT cache with $JDK25 (the build made none)"
  AOT=$OUT/transmit-mock-server.aot
  "$JDK25/bin/java" "-XX:AOTCacheOutput=$AOT" -Xlog:aot=error,cds=error -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "$SERVER_JAR" dev.transmitmock.server.cli.ArchiveTraining >"$OUT/aot-training.log" 2>&1 || AOT=
fi
[ -n "${JDK25:-}" ] || AOT=

# mock-oauth2-server, the reference: its standalone main on its Maven Central dependencies, default JVM flags.
MOCK_OAUTH2_VERSION=${MOCK_OAUTH2_VERSION:-2.3.0}
MOCK_OAUTH2_LIB=
MOCK_OAUTH2_MAIN=no.nav.security.mock.oauth2.StandaloneMockOAuth2ServerKt
MOCK_OAUTH2_FORM="grant_type=client_credentials&client_id=demo-app&client_secret=demo-app-secret&scope=api"
if [ "${MOCK_OAUTH2:-1}" != 0 ]; then
  log "resolving mock-oauth2-server $MOCK_OAUTH2_VERSION"
  mkdir -p "$OUT/mock-oauth2-server"
  printf '%s\n' '<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>' \
    '<groupId>bench</groupId><artifactId>mock-oauth2-server-reference</artifactId><version>1</version><packaging>pom</packaging>' \
    "<dependencies><dependency><groupId>no.nav.security</groupId><artifactId>mock-oauth2-server</artifactId><version>$MOCK_OAUTH2_VERSION</version></dependency></dependencies>" \
    '</project>' >"$OUT/mock-oauth2-server/pom.xml"
  if (cd "$OUT/mock-oauth2-server" && mvn -B -ntp -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
        -DoutputDirectory=lib >resolve.log 2>&1); then
    MOCK_OAUTH2_LIB=$ROOT/$OUT/mock-oauth2-server/lib
  else
    log "mock-oauth2-server could not be resolved (see $OUT/mock-oauth2-server/resolve.log): its rows are skipped"
  fi
fi

# ---------------------------------------------------------------- JMH (in-process)
jmh() {   # jmh NAME [extra JMH args]: TokenBenchmarks into $OUT/jmh-NAME.csv
  local name=$1; shift
  java -jar "$BENCH_JAR" TokenBenchmarks "${JMH_ARGS[@]}" -rf csv -rff "$OUT/jmh-$name.csv" "$@" \
    >"$OUT/jmh-$name.log" 2>&1
  grep -h "emulator signs with\|raw reference provider" "$OUT/jmh-$name.log" | sort -u >&2 || true
}
score() {  # score NAME BENCHMARK: the score of one benchmark in a JMH CSV
  awk -F, -v b="\"dev.transmitmock.bench.jmh.TokenBenchmarks.$2\"" '$1 == b {print $5}' "$OUT/jmh-$1.csv"
}
log "JMH with native signing (when it loads)"
jmh native
log "JMH with the JDK provider only"
jmh jdk -jvmArgsAppend -Dtransmit.mock.nativeCrypto=false
NATIVE_PROVIDER=$(grep -ho "emulator signs with: .*" "$OUT/jmh-native.log" | head -1 | sed 's/emulator signs with: //')

# ---------------------------------------------------------------- HTTP load (wrk, loopback)
# The token request of the server under test: the emulator's (mock-oauth2-server's is set around its rows).
TOKEN_PATH=/oidc/token
TOKEN_FORM="grant_type=client_credentials&client_id=demo-app&client_secret=demo-app-secret"
start_server() {  # start_server FLAGS...: starts the jar on a free port; sets SERVER_PID, PORT
  # shellcheck disable=SC2068
  start_command java $@ -jar "$SERVER_JAR" --port "{port}"
}
start_command() {  # start_command COMMAND...: starts it, {port} replaced by a free port; sets SERVER_PID, PORT
  PORT=$(free_port)
  local args=("${@//\{port\}/$PORT}") environment=${START_ENV:-}
  # START_ENV: NAME=VALUE words for env(1), {port} replaced there too
  # shellcheck disable=SC2086
  env ${environment//\{port\}/$PORT} "${args[@]}" >"$OUT/server-$PORT.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 3000); do
    curl -fs -o /dev/null -d "$TOKEN_FORM" "http://127.0.0.1:$PORT$TOKEN_PATH" && return 0
    sleep 0.01
  done
  echo "server did not start: ${args[*]}; see $OUT/server-$PORT.log" >&2
  exit 1
}
stop_server() { kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; }
wrk_run() {  # wrk_run CONNECTIONS SECONDS OUTFILE [script]
  local c=$1 threads=$(( $1 < 2 ? 1 : 2 ))
  "$WRK" -t "$threads" -c "$c" -d "${2}s" --latency -s "${4:-${WRK_SCRIPT:-bench/scripts/token.lua}}" \
    "http://127.0.0.1:$PORT$TOKEN_PATH" >"$3" 2>&1
}
to_ms() {  # wrk latency (e.g. 1.23ms, 850.00us, 1.02s) to milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /m$/) n *= 60000; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}
wrk_field() {  # wrk_field FILE rps|p50|p99|errors
  case $2 in
    rps) awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$1" ;;
    p50) to_ms "$(awk '$1 == "50%" {print $2}' "$1")" ;;
    p99) to_ms "$(awk '$1 == "99%" {print $2}' "$1")" ;;
    requests) awk '/requests in/ {print $1}' "$1" ;;
    errors) awk '/Non-2xx/ {n += $NF} /Socket errors/ {gsub(/,/, ""); n += $4 + $6 + $8 + $10} END {print n + 0}' "$1" ;;
  esac
}

declare -A RPS P50 P99 ERR RSS_BEFORE RSS_AFTER
load_series() {  # load_series LABEL FLAGS...: warm-up, then 1/8/32 connections on one `java -jar` server
  local label=$1; shift
  start_server "$@"
  measure_series "$label"
}
load_command() {  # load_command LABEL COMMAND...: the same for any server command ({port} is replaced)
  local label=$1; shift
  start_command "$@"
  measure_series "$label"
}
measure_series() {  # measure_series LABEL: on the server just started
  local label=$1
  RSS_BEFORE[$label]=$(rss_mib "$SERVER_PID")
  wrk_run 32 "$WARMUP_SECONDS" "$OUT/wrk-$label-warmup.txt"
  for c in "${CONNECTIONS[@]}"; do
    log "HTTP load ($label): $c connections, ${LOAD_SECONDS}s"
    wrk_run "$c" "$LOAD_SECONDS" "$OUT/wrk-$label-$c.txt"
    RPS[$label-$c]=$(wrk_field "$OUT/wrk-$label-$c.txt" rps)
    P50[$label-$c]=$(wrk_field "$OUT/wrk-$label-$c.txt" p50)
    P99[$label-$c]=$(wrk_field "$OUT/wrk-$label-$c.txt" p99)
    ERR[$label-$c]=$(wrk_field "$OUT/wrk-$label-$c.txt" errors)
  done
  RSS_AFTER[$label]=$(rss_mib "$SERVER_PID")
  stop_server
}
LOAD_LABELS=(default jdk small readme readme-c1)
load_series default ""
load_series jdk "-Dtransmit.mock.nativeCrypto=false"
START_ENV=$SMALL_ENV load_series small "$SMALL_FLAGS"
START_ENV="JAVA_HOME=$JAVA17_HOME" load_command readme "$LAUNCHER" --port "{port}"
# the launcher keeps C2; with C1 only it would save memory and lose tokens/s
START_ENV="JAVA_HOME=$JAVA17_HOME JAVA_OPTS=-XX:TieredStopAtLevel=1" load_command readme-c1 "$LAUNCHER" --port "{port}"
if [ -n "$MOCK_OAUTH2_LIB" ]; then
  LOAD_LABELS+=(mock)
  log "HTTP load: mock-oauth2-server $MOCK_OAUTH2_VERSION"
  TOKEN_PATH=/default/token TOKEN_FORM=$MOCK_OAUTH2_FORM WRK_SCRIPT=bench/scripts/mock-oauth2-token.lua \
    START_ENV="SERVER_PORT={port}" load_command mock java -cp "$MOCK_OAUTH2_LIB/*" "$MOCK_OAUTH2_MAIN"
fi

# ---------------------------------------------------------------- memory: rounds of at least MEMORY_TOKENS tokens
# wrk is bounded in time, so each round lasts long enough for MEMORY_TOKENS tokens at the small server's
# measured 32-connection rate (plus 25 %); the tokens actually served are reported.
# A round lasts at most MEMORY_MAX_ROUND_SECONDS (default 75) on a slow or busy machine.
ROUND_SECONDS=$(awk -v n="$MEMORY_TOKENS" -v r="${RPS[small-32]}" -v max="${MEMORY_MAX_ROUND_SECONDS:-75}" \
  'BEGIN { s = int(1.25 * n / (r > 0 ? r : 1000)) + 1; s = (s > max ? max : s); print (s < 2 ? 2 : s) }')
log "memory: $MEMORY_ROUNDS rounds of ${ROUND_SECONDS}s (>= $MEMORY_TOKENS tokens each, $SMALL_FLAGS)"
START_ENV=$SMALL_ENV start_server "$SMALL_FLAGS"
MEM_START=$(rss_mib "$SERVER_PID")
MEM_ROUNDS=() MEM_TOKENS=() MEM_ERRORS=0
for round in $(seq 1 "$MEMORY_ROUNDS"); do
  wrk_run 32 "$ROUND_SECONDS" "$OUT/wrk-memory-$round.txt"
  MEM_ROUNDS+=("$(rss_mib "$SERVER_PID")")
  MEM_TOKENS+=("$(wrk_field "$OUT/wrk-memory-$round.txt" requests)")
  MEM_ERRORS=$(( MEM_ERRORS + $(wrk_field "$OUT/wrk-memory-$round.txt" errors) ))
done
stop_server

# ---------------------------------------------------------------- start-up
log "start-up: process start to first token"
startup() {  # startup JAR FLAGS...: "median_ms rss_mib cpu_ms"
  # shellcheck disable=SC2068
  java -cp "$BENCH_JAR" dev.transmitmock.bench.startup.ProcessStartup "$1" "$STARTUP_RUNS" ${@:2} \
    | sed -n 's/.*median_ms=\([0-9]*\).*rss_mib=\([0-9]*\) cpu_ms=\([0-9]*\).*/\1 \2 \3/p'
}
startup_command() {  # startup_command [ProcessStartup options] -- COMMAND... ({port}): "median_ms rss_mib cpu_ms"
  java -cp "$BENCH_JAR" dev.transmitmock.bench.startup.ProcessStartup --runs "$STARTUP_RUNS" "$@" \
    | sed -n 's/.*median_ms=\([0-9]*\).*rss_mib=\([0-9]*\) cpu_ms=\([0-9]*\).*/\1 \2 \3/p'
}
read -r START_PLAIN START_PLAIN_RSS START_PLAIN_CPU <<<"$(startup "$SERVER_JAR")"
# AppCDS (JDK 17): the archive the server build ships (its training run, ArchiveTraining, serves
# a first token and exits); the same training run here when the jar was built with -Dcds.skip=true.
JSA=server/target/transmit-mock-server.jsa
if [ ! -f "$JSA" ]; then
  JSA="$OUT/transmit-mock.jsa"
  rm -f "$JSA"
  java "-XX:ArchiveClassesAtExit=$JSA" -Xlog:cds=off -Xlog:cds+dynamic=off \
    -cp "$SERVER_JAR" dev.transmitmock.server.cli.ArchiveTraining >"$OUT/cds-training.log" 2>&1
fi
read -r START_CDS START_CDS_RSS START_CDS_CPU <<<"$(startup "$SERVER_JAR" "-XX:SharedArchiveFile=$JSA" -Xlog:cds=off)"
# a YAML config file (the embedded default's text): the archive trains that path too
cp server/src/main/resources/dev/transmitmock/server/default-config.yaml "$OUT/config.yaml"
read -r START_YAML START_YAML_RSS START_YAML_CPU <<<"$(startup_command -- java "-XX:SharedArchiveFile=$JSA" -Xlog:cds=off -jar "$SERVER_JAR" --port "{port}" --config "$OUT/config.yaml")"
read -r START_README START_README_RSS START_README_CPU <<<"$(startup_command --env "JAVA_HOME=$JAVA17_HOME" -- "$LAUNCHER" --port "{port}")"
START_AOT= START_AOT_RSS= START_AOT_CPU= START_README25= START_README25_RSS= START_README25_CPU=
if [ -n "$AOT" ]; then
  log "start-up: JDK 25 with the AOT cache ($JDK25)"
  read -r START_AOT START_AOT_RSS START_AOT_CPU <<<"$(startup_command -- "$JDK25/bin/java" "-XX:AOTCache=$AOT" -jar "$SERVER_JAR" --port "{port}")"
  if [ "$AOT" = server/target/transmit-mock-server.aot ]; then
    read -r START_README25 START_README25_RSS START_README25_CPU <<<"$(startup_command --env "JAVA_HOME=$JDK25" -- "$LAUNCHER" --port "{port}")"
  fi
fi
START_NATIVE= START_NATIVE_RSS= START_NATIVE_CPU=
if [ -x "$NATIVE" ]; then
  read -r START_NATIVE START_NATIVE_RSS START_NATIVE_CPU <<<"$(startup_command -- "$NATIVE" --port "{port}")"
fi
START_MOCK= START_MOCK_RSS= START_MOCK_CPU=
if [ -n "$MOCK_OAUTH2_LIB" ]; then
  log "start-up: mock-oauth2-server $MOCK_OAUTH2_VERSION"
  read -r START_MOCK START_MOCK_RSS START_MOCK_CPU <<<"$(startup_command --token-path /default/token --form "$MOCK_OAUTH2_FORM" \
    --env "SERVER_PORT={port}" -- java -cp "$MOCK_OAUTH2_LIB/*" "$MOCK_OAUTH2_MAIN")"
fi
START_BEFORE= START_BEFORE_RSS= START_BEFORE_CPU=
if [ -n "${BEFORE_JAR:-}" ]; then
  read -r START_BEFORE START_BEFORE_RSS START_BEFORE_CPU <<<"$(startup "$BEFORE_JAR")"
fi

log "start-up: @TransmitMock class to first test, per-test reset"
JUNIT_LINE=$(java -cp "$BENCH_JAR" dev.transmitmock.bench.startup.JUnitStartup 2>"$OUT/junit.log" | tail -1)
junit_field() { tr ' ' '\n' <<<"$JUNIT_LINE" | sed -n "s/^$1=//p"; }

DOCKER_LINE="skipped (no Docker or no image)"
DOCKER_IMAGE=${DOCKER_IMAGE:-transmit-mock:local}
if [ -x /usr/bin/docker ] && /usr/bin/docker image inspect "$DOCKER_IMAGE" >/dev/null 2>&1; then
  log "start-up: docker run to healthy ($DOCKER_IMAGE)"
  DOCKER_LINE=$(docker/measure-startup.sh "$DOCKER_IMAGE" "$([ "$QUICK" = 1 ] && echo 2 || echo 5)" 2>&1 | tail -1)
fi

# ---------------------------------------------------------------- table
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "?" }'; }
fmt() { awk -v a="$1" 'BEGIN { if (a >= 100) printf "%.0f", a; else printf "%.2f", a }'; }
ok() {  # ok A OP B: "yes" when the numeric comparison holds
  if awk -v a="$1" -v b="$3" -v op="$2" 'BEGIN { a += 0; b += 0; exit !((op == "<" && a < b) || (op == "<=" && a <= b) || (op == ">=" && a >= b)) }'; then echo "yes"; else echo "**no**"; fi
}
MINT=$(score native mintToken); SIGN=$(score native rawSign); SIGN_JDK=$(score native rawSignJdk)
MINT_JDK=$(score jdk mintToken); SIGN_JDK2=$(score jdk rawSignJdk)
VERIFY=$(score native verifyToken); VERIFY_RAW=$(score native rawVerifyJdk)
RESET=$(score native reset)
RPS32=${RPS[default-32]}
SIGN_REF=$SIGN_JDK
PEAK_MEM=$(printf '%s\n' "${MEM_ROUNDS[@]}" | sort -n | tail -1)
FIRST_MEM=${MEM_ROUNDS[0]}
LAST_MEM=${MEM_ROUNDS[-1]}
RESET_US=$(awk -v r="$RESET" 'BEGIN { printf "%.2f", 1e6 / r }')
{
  echo "# transmit-mock benchmark results"
  echo
  echo "Run $STARTED_AT on $(nproc) cores, $(java -version 2>&1 | head -1), $([ "$QUICK" = 1 ] && echo "QUICK smoke run (not meaningful), ")load average (1/5/15 min) $LOAD_START at the start, $LOAD_END at the end."
  echo "Revision ${REVISION:-$(git rev-parse --short HEAD 2>/dev/null || echo unknown)}. Native provider: $NATIVE_PROVIDER. Reproduce: \`bench/run.sh\` (see bench/README.md)."
  echo
  echo "## In-process (JMH, 1 thread, ops/s)"
  echo
  echo "| benchmark | ops/s | reference (same run) | ref ops/s | ratio |"
  echo "| --- | ---: | --- | ---: | ---: |"
  echo "| mint a token, native signing | $(fmt "$MINT") | raw RS256 sign, same provider | $(fmt "$SIGN") | $(ratio "$MINT" "$SIGN") |"
  echo "| mint a token, JDK signing (\`nativeCrypto=false\`) | $(fmt "$MINT_JDK") | raw RS256 sign, JDK | $(fmt "$SIGN_JDK2") | $(ratio "$MINT_JDK" "$SIGN_JDK2") |"
  echo "| raw RS256 sign, native | $(fmt "$SIGN") | raw RS256 sign, JDK | $(fmt "$SIGN_JDK") | $(ratio "$SIGN" "$SIGN_JDK") |"
  echo "| verify a token (transmit-client, warm JWKS) | $(fmt "$VERIFY") | raw RS256 verify, JDK | $(fmt "$VERIFY_RAW") | $(ratio "$VERIFY" "$VERIFY_RAW") |"
  echo "| \`reset()\` | $(fmt "$RESET") (${RESET_US} µs) | mint a token | $(fmt "$MINT") | $(ratio "$RESET" "$MINT") |"
  echo
  echo "## HTTP load (wrk, loopback, keep-alive, ${LOAD_SECONDS}s per row, after ${WARMUP_SECONDS}s warm-up)"
  echo
  echo "wrk runs on the same 2 cores as the emulator. RSS: after start / after all rows."
  echo
  echo "| server JVM | connections | tokens/s | p50 ms | p99 ms | errors | RSS MiB before → after |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | --- |"
  for label in "${LOAD_LABELS[@]}"; do
    case $label in
      default) name="\`java -jar\`, default flags, native signing" ;;
      jdk) name="\`java -jar\`, default flags, JDK signing" ;;
      small) name="\`java -jar\`, small flags, native signing" ;;
      readme) name="README command (\`server/target/transmit-mock\`, JDK 17)" ;;
      readme-c1) name="README command with C1 only (\`JAVA_OPTS=-XX:TieredStopAtLevel=1\`)" ;;
      mock) name="mock-oauth2-server $MOCK_OAUTH2_VERSION (reference), default flags" ;;
    esac
    for c in "${CONNECTIONS[@]}"; do
      echo "| $name | $c | ${RPS[$label-$c]} | ${P50[$label-$c]} | ${P99[$label-$c]} | ${ERR[$label-$c]} | ${RSS_BEFORE[$label]} → ${RSS_AFTER[$label]} |"
    done
  done
  echo
  echo "Small flags: \`$SMALL_FLAGS\`, environment \`$SMALL_ENV\`."
  if [ -n "$MOCK_OAUTH2_LIB" ]; then
    echo
    echo "mock-oauth2-server closes the connection after every token response, so wrk reconnects for each request and counts each close as a read error; its tokens/s are not comparable, its RSS is."
  fi
  echo
  echo "## Memory (small flags, ${MEMORY_ROUNDS} rounds of ${ROUND_SECONDS}s at 32 connections, one server)"
  echo
  echo "Tokens per round: $(IFS=' '; echo "${MEM_TOKENS[*]}"). RSS MiB after start: $MEM_START; after each round: $(IFS=' '; echo "${MEM_ROUNDS[*]}"). Errors: $MEM_ERRORS."
  echo
  echo "## Start-up (median of $STARTUP_RUNS)"
  echo
  echo "CPU ms: user + system time of the server process when the first token came back (all threads; less load-sensitive than wall time)."
  echo
  echo "| what | wall ms | CPU ms | RSS MiB |"
  echo "| --- | ---: | ---: | ---: |"
  echo "| process start to first token, \`java -jar\` | $START_PLAIN | $START_PLAIN_CPU | $START_PLAIN_RSS |"
  echo "| same, with the AppCDS archive (\`-XX:SharedArchiveFile\`) | $START_CDS | $START_CDS_CPU | $START_CDS_RSS |"
  echo "| same, with a YAML config file (\`--config\`) | $START_YAML | $START_YAML_CPU | $START_YAML_RSS |"
  echo "| README command \`server/target/transmit-mock\` (JDK 17: AppCDS + memory defaults) | $START_README | $START_README_CPU | $START_README_RSS |"
  if [ -n "$START_AOT" ]; then
    echo "| JDK 25, \`java -XX:AOTCache=... -jar\` ($(basename "$JDK25")) | $START_AOT | $START_AOT_CPU | $START_AOT_RSS |"
    [ -n "$START_README25" ] && echo "| README command on JDK 25 (\`JAVA_HOME=<jdk 25>\`: AOT cache + memory defaults) | $START_README25 | $START_README25_CPU | $START_README25_RSS |"
  else
    echo "| JDK 25 AOT cache | skipped (no JDK 25+; set JDK25) | | |"
  fi
  if [ -n "$START_NATIVE" ]; then
    echo "| native executable \`$NATIVE\` | $START_NATIVE | $START_NATIVE_CPU | $START_NATIVE_RSS |"
  else
    echo "| native executable | not built: no Native Image toolchain here (see \"Native image\" in bench/README.md) | | |"
  fi
  if [ -n "$START_MOCK" ]; then
    echo "| mock-oauth2-server $MOCK_OAUTH2_VERSION (reference), \`java -cp ... StandaloneMockOAuth2ServerKt\` | $START_MOCK | $START_MOCK_CPU | $START_MOCK_RSS |"
  fi
  if [ -n "$START_BEFORE" ]; then echo "| process start to first token, \`BEFORE_JAR\` ($(basename "$BEFORE_JAR")) | $START_BEFORE | $START_BEFORE_CPU | $START_BEFORE_RSS |"; fi
  echo "| \`@TransmitMock\` class start to first test (cold JVM) | $(junit_field class_to_first_test_ms) | | |"
  echo "| \`@TransmitMock\` class start to first test (second class) | $(junit_field warm_class_to_first_test_ms) | | |"
  echo "| \`@TransmitMock\` per-test overhead (reset + injection; median test minus plain test) | $(awk -v u="$(junit_field per_test_overhead_us)" 'BEGIN { printf "%.3f", u / 1000 }') | | |"
  echo
  echo "Docker: $DOCKER_LINE"
  echo
  echo "## Targets"
  echo
  echo "| target | measured | met |"
  echo "| --- | --- | --- |"
  echo "| tokens/s at 32 connections ≥ 3 × JDK single-thread RS256 signing | $RPS32 vs 3 × $(fmt "$SIGN_REF") = $(fmt "$(awk -v s="$SIGN_REF" 'BEGIN { print 3 * s }')") (ratio $(ratio "$RPS32" "$SIGN_REF")) | $(ok "$RPS32" ">=" "$(awk -v s="$SIGN_REF" 'BEGIN { print 3 * s }')") |"
  BEST_JVM=$START_README
  for t in $START_AOT $START_README25; do [ "$t" -lt "$BEST_JVM" ] && BEST_JVM=$t; done
  echo "| process start to first token < 500 ms | $START_PLAIN ms plain, $START_CDS ms with AppCDS, $START_README ms README command${START_AOT:+, $START_AOT ms JDK 25 AOT cache} | $(ok "$BEST_JVM" "<" 500) |"
  if [ -n "$START_MOCK" ]; then
    QUARTER=$(awk -v m="$START_MOCK" 'BEGIN { printf "%.0f", m / 4 }')
    echo "| first token on the JVM path ≤ 0.25 × mock-oauth2-server | README command $START_README ms (ratio $(ratio "$START_README" "$START_MOCK"))${START_AOT:+, JDK 25 AOT cache $START_AOT ms (ratio $(ratio "$START_AOT" "$START_MOCK"))}${START_README25:+, README command on JDK 25 $START_README25 ms (ratio $(ratio "$START_README25" "$START_MOCK"))} vs 0.25 × $START_MOCK = $QUARTER ms | $(ok "$BEST_JVM" "<=" "$QUARTER") |"
  fi
  if [ -n "$START_NATIVE" ]; then
    echo "| first token with a native executable ≤ 50 ms | $START_NATIVE ms | $(ok "$START_NATIVE" "<=" 50) |"
  else
    echo "| first token with a native executable ≤ 50 ms | no native executable (see \"Native image\" in bench/README.md) | **no** |"
  fi
  echo "| \`docker run\` to first token ≤ 0.5 s with a native image | no native image | **no** |"
  if [ -n "$MOCK_OAUTH2_LIB" ]; then
    HALF_RSS=$(awk -v m="${RSS_AFTER[mock]}" 'BEGIN { printf "%.0f", m / 2 }')
    echo "| RSS after load ≤ 0.5 × mock-oauth2-server, README command | ${RSS_AFTER[readme]} MiB vs 0.5 × ${RSS_AFTER[mock]} = $HALF_RSS MiB (ratio $(ratio "${RSS_AFTER[readme]}" "${RSS_AFTER[mock]}")) | $(ok "${RSS_AFTER[readme]}" "<=" "$HALF_RSS") |"
  fi
  echo "| tokens/s at 32 connections, README command ≥ the JVM's default flags (the run command before) | ${RPS[readme-32]} vs ${RPS[default-32]} (ratio $(ratio "${RPS[readme-32]}" "${RPS[default-32]}")) | $(ok "${RPS[readme-32]}" ">=" "${RPS[default-32]}") |"
  echo "| \`@TransmitMock\` per-test reset < 1 ms | $(awk -v u="$(junit_field per_test_overhead_us)" 'BEGIN { printf "%.3f", u / 1000 }') ms (extension), ${RESET_US} µs (\`reset()\`) | $(ok "$(junit_field per_test_overhead_us)" "<" 1000) |"
  echo "| RSS after 100k tokens < 128 MiB, flat across rounds | $(IFS=' '; echo "${MEM_ROUNDS[*]}") MiB after rounds of $(IFS=' '; echo "${MEM_TOKENS[*]}") tokens | $(ok "$PEAK_MEM" "<" 128) (growth from round 1 to $MEMORY_ROUNDS: $(( LAST_MEM - FIRST_MEM )) MiB) |"
} >bench/RESULTS.md
cat bench/RESULTS.md

# The latest table also goes into bench/README.md, between the results markers.
if grep -q '<!-- results:start -->' bench/README.md 2>/dev/null; then
  awk 'FNR == NR { table = table $0 "\n"; next }
       /<!-- results:start -->/ { print; printf "%s", table; skip = 1; next }
       /<!-- results:end -->/ { skip = 0 }
       !skip { print }' <(sed '1,2d; s/^## /### /' bench/RESULTS.md) bench/README.md >bench/target/README.md.new
  mv bench/target/README.md.new bench/README.md
fi
