#!/usr/bin/env bash
# A screenshot of a study's report.html with headless Chromium (Debian's chromium package):
#   bench/screenshot-report.sh docs/studies/reference/report.html [height in pixels, default 6000]
# writes report.png beside the report. Flags as this machine needs them: no sandbox as root, no
# background networking (the network is closed), a fresh profile.
set -euo pipefail
REPORT=$(realpath "$1")
HEIGHT=${2:-6000}
PROFILE=$(mktemp -d)
trap 'rm -rf "$PROFILE"' EXIT
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$PROFILE" --hide-scrollbars --window-size="1100,$HEIGHT" \
  --screenshot="$(dirname "$REPORT")/report.png" "file://$REPORT" 2>/dev/null
echo "$(dirname "$REPORT")/report.png"
