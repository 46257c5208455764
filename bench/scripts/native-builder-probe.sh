#!/usr/bin/env bash
# native-builder-probe.sh: how far GraalVM Native Image gets when its builder is assembled from Maven Central
# on a stock OpenJDK 25 (the way distributions that assemble GraalVM on OpenJDK run it), for a hello-world
# class. It prints each stage's outcome and keeps the full logs; it builds nothing the project ships.
#
#   bench/scripts/native-builder-probe.sh          (JDK=/usr/lib/jvm/temurin-25-jdk-amd64 SVM_VERSION=25.0.4)
#
# Stages:
#   1. resolve org.graalvm.nativeimage:svm and its dependencies (compiler, pointsto, objectfile, ...) with Maven;
#   2. assemble a builder home: a hard-linked copy of the JDK plus the builder's progress helper library
#      (lib/svm/builder/lib/libreporterchelper.so, compiled here; no Maven artifact carries it);
#   3. run com.oracle.svm.hosted.NativeImageGeneratorRunner with JVMCI on, the builder jars on the module path,
#      the JDK's internal packages exported to them (what the missing `native-image` driver would pass);
#   4. the same with stand-ins for the JDK static libraries (linker scripts naming the JDK's shared ones),
#      to see what is missing after them.
# Needs: the JDK 25, Maven, gcc. Work directory: WORK (default bench/target/native-probe).
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JDK=${JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}
SVM_VERSION=${SVM_VERSION:-25.0.4}
WORK=${WORK:-$ROOT/bench/target/native-probe}
say() { echo "== $*"; }
rm -rf "$WORK" && mkdir -p "$WORK"/{lib,hello,clib} || exit 1

say "1. resolving org.graalvm.nativeimage:svm:$SVM_VERSION and its dependencies"
cat >"$WORK/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>probe</groupId><artifactId>native-builder</artifactId><version>1</version><packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.graalvm.nativeimage</groupId><artifactId>svm</artifactId><version>$SVM_VERSION</version></dependency>
  </dependencies>
</project>
EOF
(cd "$WORK" && JAVA_HOME=$JDK mvn -B -ntp -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
  -DoutputDirectory="$WORK/lib") || { say "could not resolve the builder"; exit 1; }
ls "$WORK/lib"
for jar in "$WORK"/lib/*.jar; do
  unzip -l "$jar" | awk '{print $4}' | grep -E '\.(a|so|h|c)$|/driver/NativeImage\.class$' | sed "s|^|   $(basename "$jar") contains |"
done
echo "   (no jar above carries a C library, a C header or the native-image driver)"

say "2. assembling a builder home in $WORK/home"
cp -al "$JDK" "$WORK/home" 2>/dev/null || cp -a "$JDK" "$WORK/home"
mkdir -p "$WORK/home/lib/svm/builder/lib"
cat >"$WORK/reporterchelper.c" <<'EOF'
/* The builder's progress output asks for the terminal width and its own peak RSS. */
#include <jni.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <unistd.h>
JNIEXPORT jint JNICALL Java_com_oracle_svm_hosted_ProgressReporterCHelper_getTerminalWindowColumns0(JNIEnv *e, jclass c) {
  struct winsize w;
  return ioctl(STDOUT_FILENO, TIOCGWINSZ, &w) == 0 && w.ws_col > 0 ? w.ws_col : -1;
}
JNIEXPORT jlong JNICALL Java_com_oracle_svm_hosted_ProgressReporterCHelper_getPeakRSS0(JNIEnv *e, jclass c) {
  struct rusage u;
  return getrusage(RUSAGE_SELF, &u) == 0 ? (jlong) u.ru_maxrss * 1024 : -1;
}
EOF
gcc -shared -fPIC -O2 -I "$JDK/include" -I "$JDK/include/linux" -o "$WORK/home/lib/svm/builder/lib/libreporterchelper.so" \
  "$WORK/reporterchelper.c" || { say "gcc failed"; exit 1; }
ls "$WORK/home/lib/static" 2>/dev/null || echo "   $JDK has no lib/static (no JDK static libraries)"

say "3. running the builder on a hello-world class"
cat >"$WORK/GenExports.java" <<'EOF'
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Exports every JDK package that is not exported to all, to the builder's modules (args[0]). */
public class GenExports {
  public static void main(String[] args) {
    for (ModuleReference ref : ModuleFinder.ofSystem().findAll()) {
      ModuleDescriptor module = ref.descriptor();
      Set<String> exported = module.exports().stream().filter(e -> !e.isQualified())
          .map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
      for (String pkg : new TreeSet<>(module.packages())) {
        if (!exported.contains(pkg)) System.out.println("--add-exports=" + module.name() + "/" + pkg + "=" + args[0]);
      }
    }
  }
}
EOF
builder_modules=org.graalvm.nativeimage.builder,org.graalvm.nativeimage.base,org.graalvm.nativeimage.pointsto,org.graalvm.nativeimage.objectfile,org.graalvm.nativeimage.configure,jdk.graal.compiler,org.graalvm.truffle.compiler,org.graalvm.espresso.shared.svm,org.graalvm.nativeimage.libgraal
"$JDK/bin/java" "$WORK/GenExports.java" "$builder_modules" >"$WORK/exports.args"
cat >"$WORK/hello/Hello.java" <<'EOF'
public class Hello {
  public static void main(String[] args) {
    System.out.println("hello from a native image");
  }
}
EOF
"$JDK/bin/javac" -d "$WORK/hello/classes" "$WORK/hello/Hello.java"
compiler_jar=$(ls "$WORK"/lib/compiler-*.jar)
module_path=$(ls "$WORK"/lib/*.jar | grep -v "/compiler-" | paste -sd:)
build() {  # build LOG [builder options]
  local log=$1; shift
  # JVMCI_VERSION_CHECK: the builder asks for the JVMCI of its own GraalVM release ("25.0.4+7-jvmci-b01");
  # a stock JDK 25 reports its plain version.
  JVMCI_VERSION_CHECK=ignore "$WORK/home/bin/java" -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI -XX:-UseJVMCICompiler \
    -Xss10m --upgrade-module-path "$compiler_jar" --module-path "$module_path" --add-modules=ALL-SYSTEM \
    "@$WORK/exports.args" -Djava.system.class.loader=com.oracle.svm.hosted.NativeImageSystemClassLoader \
    -Dcom.oracle.graalvm.isaot=true -Dorg.graalvm.nativeimage.imagecode=buildtime \
    -Djdk.internal.lambda.disableEagerInitialization=true \
    -m org.graalvm.nativeimage.builder/com.oracle.svm.hosted.NativeImageGeneratorRunner \
    -imagecp "$WORK/hello/classes" -H:Name=hello -H:Class=Hello -H:Path="$WORK/hello/out" \
    -H:ImageBuildID="$(cat /proc/sys/kernel/random/uuid)" "$@" >"$log" 2>&1
  local rc=$?
  grep -v "Unknown module\|^\s*at " "$log" | grep -A6 "^Error\|unexpected error\|^Fatal" | head -12
  return $rc
}
build "$WORK/builder-1.log" && { say "built: $("$WORK/hello/out/hello")"; exit 0; }

say "4. again, with the JDK's shared libraries standing in for the static ones (linker scripts)"
for lib in java nio net zip; do echo "INPUT($JDK/lib/lib$lib.so)" >"$WORK/clib/lib$lib.a"; done
build "$WORK/builder-2.log" -H:CLibraryPath="$WORK/clib" && { say "built: $("$WORK/hello/out/hello")"; exit 0; }
say "no native image; logs: $WORK/builder-1.log, $WORK/builder-2.log"
exit 1
