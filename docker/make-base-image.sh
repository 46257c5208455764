#!/bin/bash
# make-base-image.sh: build a local Java 17 runtime base image WITHOUT any registry (no Docker Hub).
#
# The project's Dockerfile defaults to a public base image (eclipse-temurin:17-jre). Machines that cannot
# pull images (CI here) build this one instead and pass it as --build-arg BASE_IMAGE=... .
#
#   usage: docker/make-base-image.sh [TAG]      (default TAG: transmit-mock-base-jre:17)
#   env:   MODE=jlink      (default) FROM-scratch image: jlink'ed JRE from the machine's own JDK 17, the glibc
#                          libraries ldd says it needs, and busybox-static as /bin/sh (the Dockerfile's RUN
#                          step needs a shell). No network at all.
#          MODE=mmdebstrap Debian bookworm + openjdk-17-jre-headless from Debian's mirror (full userland).
#          FORCE=1         rebuild even if TAG exists.
#          DOCKER=...      client binary (default: /usr/bin/docker where it exists, else docker on PATH)
#          JDK=...         JDK used by jlink (default /usr/lib/jvm/java-17-openjdk-amd64, needs its jmods/)
#          JLINK_COMPRESS=0|2 (default 2: smaller image)   MODULES=...  jlink module list
#          WORKDIR=...     scratch space (default: a temp dir under ${TMPDIR:-/tmp}, removed afterwards)
# Idempotent: exits 0 without doing anything when TAG already exists in the daemon.
set -euo pipefail
TAG=${1:-transmit-mock-base-jre:17}
MODE=${MODE:-jlink}
if [ -z "${DOCKER:-}" ]; then
  if [ -x /usr/bin/docker ]; then DOCKER=/usr/bin/docker; else DOCKER=docker; fi
fi
JDK=${JDK:-/usr/lib/jvm/java-17-openjdk-amd64}
JLINK_COMPRESS=${JLINK_COMPRESS:-2}   # 0 = bigger image, slightly faster class loading
MODULES=${MODULES:-java.se,jdk.unsupported,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.zipfs,jdk.httpserver,jdk.management,jdk.naming.dns,jdk.charsets,jdk.jfr}
BUSYBOX_APPLETS="sh ls cat env mkdir rm cp mv ln ps wget chmod id sleep grep sed cut tr wc head tail kill seq"

# The image records the recipe it was built from (this script and its settings): an image made by an older
# recipe is rebuilt instead of reused.
recipe=$( { cat "$0"; echo "$MODE $JDK $JLINK_COMPRESS $MODULES"; "$JDK/bin/java" -version 2>&1 || true; } | sha256sum | cut -c1-16)
if [ "${FORCE:-0}" != 1 ] \
   && [ "$("$DOCKER" image inspect -f '{{index .Config.Labels "dev.transmitmock.base-recipe"}}' "$TAG" 2>/dev/null)" = "$recipe" ]; then
  echo "make-base-image: $TAG already exists (recipe $recipe), skipping (FORCE=1 rebuilds it)"; exit 0
fi

old_id=$("$DOCKER" image inspect -f '{{.Id}}' "$TAG" 2>/dev/null || true)
work=$(mktemp -d "${WORKDIR:-${TMPDIR:-/tmp}}/base-image.XXXXXX")
trap 'rm -rf "$work"' EXIT
start=$(date +%s)

case "$MODE" in
jlink)
  [ -d "$JDK/jmods" ] || { echo "make-base-image: $JDK/jmods missing (apt-get install -y openjdk-17-jdk-headless)" >&2; exit 1; }
  if [ ! -x /bin/busybox ] || ldd /bin/busybox >/dev/null 2>&1; then
    echo "make-base-image: a static /bin/busybox is needed as the image's shell (apt-get install -y busybox-static)" >&2
    exit 1
  fi
  root=$work/root
  mkdir -p "$root"/{opt,tmp,etc,bin,lib64,lib/x86_64-linux-gnu}
  chmod 1777 "$root/tmp"
  "$JDK/bin/jlink" --module-path "$JDK/jmods" --add-modules "$MODULES" \
    --strip-debug --no-header-files --no-man-pages --compress="$JLINK_COMPRESS" --output "$root/opt/java"
  # Debian's JDK links cacerts to /etc/ssl/certs/java/cacerts: put a real copy inside the runtime
  if [ -f /etc/ssl/certs/java/cacerts ]; then
    rm -f "$root/opt/java/lib/security/cacerts"
    cp -L /etc/ssl/certs/java/cacerts "$root/opt/java/lib/security/cacerts"
  fi
  # the shared libraries (outside the runtime itself) that its ELF files need, as ldd resolves them
  find "$root/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -exec ldd {} \; 2>/dev/null \
    | awk '/=> \//{print $3} $1 ~ /^\/lib64\//{print $1}' | grep -v "^$root/" | sort -u \
    | while read -r lib; do
        case "$lib" in
          */ld-linux-x86-64.so.2) cp -L "$lib" "$root/lib64/ld-linux-x86-64.so.2" ;;
          *) cp -L "$lib" "$root/lib/x86_64-linux-gnu/$(basename "$lib")" ;;
        esac
      done
  [ -f "$root/lib64/ld-linux-x86-64.so.2" ] || { echo "make-base-image: no dynamic loader found by ldd" >&2; exit 1; }
  # glibc's compatibility stubs (merged into libc.so.6 since 2.34, so the JDK no longer links them): native
  # libraries built on older systems, e.g. the server's optional native RSA provider, still need them
  for lib in libdl.so.2 libpthread.so.0 librt.so.1 libutil.so.1 libresolv.so.2; do
    [ -e "/lib/x86_64-linux-gnu/$lib" ] && [ ! -e "$root/lib/x86_64-linux-gnu/$lib" ] \
      && cp -L "/lib/x86_64-linux-gnu/$lib" "$root/lib/x86_64-linux-gnu/$lib"
  done
  # class-data-sharing archive of the JDK's own classes: faster JVM start (Debian's and Temurin's JREs ship one)
  "$root/opt/java/bin/java" -Xshare:dump >/dev/null
  cp /bin/busybox "$root/bin/busybox"
  for a in $BUSYBOX_APPLETS; do ln -s busybox "$root/bin/$a"; done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' > "$root/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' > "$root/etc/group"
  printf 'hosts: files dns\n' > "$root/etc/nsswitch.conf"
  tar -C "$root" --numeric-owner -cf "$work/rootfs.tar" .
  "$DOCKER" import --change "ENV JAVA_HOME=/opt/java" --change "ENV PATH=/opt/java/bin:/bin" \
    --change 'ENV LANG=C.UTF-8' --change 'LABEL org.opencontainers.image.description=offline-jlink-jre17' \
    --change "LABEL dev.transmitmock.base-recipe=$recipe" \
    "$work/rootfs.tar" "$TAG" >/dev/null
  ;;
mmdebstrap)
  command -v mmdebstrap >/dev/null || { echo "make-base-image: apt-get install -y mmdebstrap" >&2; exit 1; }
  TMPDIR=$work mmdebstrap --variant=apt --mode=root \
    --include=openjdk-17-jre-headless \
    --aptopt='APT::Install-Recommends "false"' \
    --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/doc/*' \
    --dpkgopt='path-include=/usr/share/doc/*/copyright' --dpkgopt='path-exclude=/usr/share/locale/*' \
    --setup-hook='mkdir -p "$1"/usr/share/man/man1' \
    --customize-hook='chroot "$1" java -version' \
    --customize-hook='rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/*.bin' \
    bookworm "$work/rootfs.tar" "${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
  "$DOCKER" import --change 'ENV JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64' \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV LANG=C.UTF-8' --change 'LABEL org.opencontainers.image.description=offline-debian-jre17' \
    --change "LABEL dev.transmitmock.base-recipe=$recipe" \
    "$work/rootfs.tar" "$TAG" >/dev/null
  ;;
*) echo "make-base-image: unknown MODE=$MODE (jlink|mmdebstrap)" >&2; exit 2 ;;
esac

# FORCE=1 rebuild: drop the previous image if nothing uses it any more
new_id=$("$DOCKER" image inspect -f '{{.Id}}' "$TAG")
if [ -n "$old_id" ] && [ "$old_id" != "$new_id" ]; then "$DOCKER" rmi "$old_id" >/dev/null 2>&1 || true; fi

# smoke test: the image must start a JVM
version=$("$DOCKER" run --rm --network none "$TAG" java -version 2>&1)
echo "${version%%$'\n'*}"
echo "make-base-image: built $TAG ($MODE) in $(( $(date +%s) - start )) s, $("$DOCKER" image inspect -f '{{.Size}}' "$TAG" | awk '{printf "%.1f MB", $1/1e6}')"
