#!/bin/bash
# Regenerates the console screenshots in this folder (one PNG per panel, 1280x800) from a real
# emulator in headless Chromium: runs ConsoleScreenshotsIT with -Dconsole.screenshots pointing here.
# Needs chromium and chromedriver (Debian: apt-get install chromium chromium-driver); other paths
# with -Dbrowser.binary=... -Dbrowser.driver=... passed through as extra arguments.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../.."
mvn -B -ntp -pl server verify \
  -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=ConsoleScreenshotsIT -Dcds.skip=true \
  -Dbrowser.required=true -Dconsole.screenshots="$here" "$@"
ls -l "$here"/*.png
