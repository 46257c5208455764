#!/bin/bash
# build-image.sh: build the transmit-mock image from the current server jar.
#
#   usage: docker/build-image.sh [--offline] [--tag TAG] [--base IMAGE]
#     --offline     first build the offline base image (docker/make-base-image.sh, no registry needed) and use it
#     --tag TAG     image to build (default transmit-mock:local)
#     --base IMAGE  base image (default: the Dockerfile's eclipse-temurin:17-jre, or transmit-mock-base-jre:17
#                   with --offline)
#   env: JAR=...    jar to package (default server/target/transmit-mock-server.jar; built with Maven if missing)
#        DOCKER=... client binary (default: /usr/bin/docker where it exists, else docker on PATH)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
OFFLINE_BASE=transmit-mock-base-jre:17

usage() { sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; }
tag=transmit-mock:local
base=
offline=0
while [ $# -gt 0 ]; do
  case "$1" in
    --offline) offline=1 ;;
    --tag) [ $# -ge 2 ] || { echo "build-image: --tag needs a value" >&2; exit 2; }; tag=$2; shift ;;
    --tag=*) tag=${1#--tag=} ;;
    --base) [ $# -ge 2 ] || { echo "build-image: --base needs a value" >&2; exit 2; }; base=$2; shift ;;
    --base=*) base=${1#--base=} ;;
    -h|--help) usage; exit 0 ;;
    *) echo "build-image: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

if [ -z "${DOCKER:-}" ]; then
  if [ -x /usr/bin/docker ]; then DOCKER=/usr/bin/docker; else DOCKER=docker; fi
fi
export DOCKER

jar=${JAR:-$root/server/target/transmit-mock-server.jar}
if [ ! -f "$jar" ]; then
  echo "build-image: $jar is missing: running 'mvn -q -pl server package -DskipTests' in $root"
  (cd "$root" && mvn -B -ntp -q -pl server package -DskipTests)
  [ -f "$jar" ] || { echo "build-image: the Maven build did not produce $jar" >&2; exit 1; }
fi

if [ "$offline" = 1 ]; then
  "$here/make-base-image.sh" "${base:-$OFFLINE_BASE}"
  base=${base:-$OFFLINE_BASE}
fi

# A minimal build context: the Dockerfile and the jar, nothing else from the tree.
ctx=$(mktemp -d "${TMPDIR:-/tmp}/transmit-mock-image.XXXXXX")
trap 'rm -rf "$ctx"' EXIT
cp "$here/Dockerfile" "$ctx/Dockerfile"
cp "$jar" "$ctx/transmit-mock-server.jar"

build_args=()
[ -n "$base" ] && build_args+=(--build-arg "BASE_IMAGE=$base")
start=$(date +%s)
echo "build-image: building $tag from $jar${base:+ on $base}"
"$DOCKER" build -q "${build_args[@]}" -t "$tag" "$ctx" >/dev/null
size=$("$DOCKER" image inspect -f '{{.Size}}' "$tag" | awk '{printf "%.1f MB", $1/1e6}')
echo "build-image: built $tag ($size) in $(( $(date +%s) - start )) s"
