#!/bin/bash
# measure-startup.sh: how long an image takes from `docker run` to answering and to Docker's "healthy".
#
#   usage: docker/measure-startup.sh [IMAGE] [RUNS]      (defaults: transmit-mock:local, 5)
#   env:   HEALTH_INTERVAL=200ms  health-check interval used for the measurement (the image's default is 5s,
#                                 and Docker runs the first check only one interval after the start);
#                                 "off" runs without the health check (probe JVMs then do not compete with
#                                 the emulator's start for CPU) and measures only the time to answering
#          DOCKER_RUN_ARGS=...    extra `docker run` arguments (e.g. -e JAVA_TOOL_OPTIONS=... or --entrypoint java)
#          RUN_COMMAND=...        arguments after the image (e.g. other JVM flags with --entrypoint java)
# Prints one line per run and the median of each figure: wall time from `docker run` until /_mock/health answers
# and until Docker reports "healthy", and the CPU time the container had used when it first answered (from its
# cgroup; less sensitive to a busy machine than wall time). Needs curl on the host.
set -euo pipefail
IMAGE=${1:-transmit-mock:local}
RUNS=${2:-5}
HEALTH_INTERVAL=${HEALTH_INTERVAL:-200ms}
if [ -z "${DOCKER:-}" ]; then
  if [ -x /usr/bin/docker ]; then DOCKER=/usr/bin/docker; else DOCKER=docker; fi
fi
now_ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

cpu_ms() {   # CPU time used by a container so far, from its cgroup (v1 cpuacct or v2 cpu.stat)
  local f
  for f in /sys/fs/cgroup/cpuacct/docker/"$1"/cpuacct.usage /sys/fs/cgroup/cpu,cpuacct/docker/"$1"/cpuacct.usage; do
    [ -r "$f" ] && { echo $(( $(cat "$f") / 1000000 )); return; }
  done
  for f in /sys/fs/cgroup/system.slice/docker-"$1".scope/cpu.stat /sys/fs/cgroup/docker/"$1"/cpu.stat; do
    [ -r "$f" ] && { awk '/^usage_usec/ {print int($2 / 1000)}' "$f"; return; }
  done
  echo "?"
}

http_times=() healthy_times=() cpu_times=()
for run in $(seq 1 "$RUNS"); do
  t0=$(now_ms)
  # shellcheck disable=SC2086
  if [ "$HEALTH_INTERVAL" = off ]; then health=(--no-healthcheck); else health=(--health-interval="$HEALTH_INTERVAL"); fi
  id=$("$DOCKER" run -d --rm -p 127.0.0.1::8080 "${health[@]}" ${DOCKER_RUN_ARGS:-} "$IMAGE" ${RUN_COMMAND:-})
  port=$("$DOCKER" port "$id" 8080/tcp | head -1 | sed 's/.*://')
  t_http=
  t_healthy=
  cpu=
  for _ in $(seq 1 1500); do
    if [ -z "$t_http" ] && curl -fs -o /dev/null "http://127.0.0.1:$port/_mock/health"; then
      t_http=$(( $(now_ms) - t0 )); cpu=$(cpu_ms "$id")
    fi
    if [ -n "$t_http" ] && [ "$HEALTH_INTERVAL" = off ]; then break; fi
    if [ -n "$t_http" ]; then
      status=$("$DOCKER" inspect -f '{{.State.Health.Status}}' "$id")
      if [ "$status" = healthy ]; then t_healthy=$(( $(now_ms) - t0 )); break; fi
    fi
    sleep 0.01
  done
  "$DOCKER" rm -f "$id" >/dev/null
  echo "run $run: answers after ${t_http:-?} ms (container CPU ${cpu:-?} ms), healthy after ${t_healthy:-?} ms"
  http_times+=("${t_http:-999999}") healthy_times+=("${t_healthy:-999999}") cpu_times+=("${cpu:-999999}")
done
size=$("$DOCKER" image inspect -f '{{.Size}}' "$IMAGE" | awk '{printf "%.1f MB", $1/1e6}')
echo "$IMAGE ($size): median answers after $(printf '%s\n' "${http_times[@]}" | median) ms" \
  "(CPU $(printf '%s\n' "${cpu_times[@]}" | median) ms), healthy after $(printf '%s\n' "${healthy_times[@]}" | median) ms" \
  "(health interval $HEALTH_INTERVAL, $RUNS runs, load $(cut -d' ' -f1 /proc/loadavg))"
