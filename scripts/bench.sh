#!/usr/bin/env bash
# Runs one benchmark program of the release build, installing first what only
# that benchmark needs (bench_render's baseline: Debian's python3-mapnik).
#   bash scripts/bench.sh render|labels|basemap|parse|map|writers|gazetteer [google benchmark flags]
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: bash scripts/bench.sh NAME [flags]}
shift
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if [ "$name" = render ] && ! dpkg-query -W -f='${Status}' python3-mapnik 2>/dev/null | grep -q "install ok installed"; then
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends python3-mapnik >/dev/null
fi
bash scripts/setup.sh build
exec "build/release/bin/bench_$name" "$@"
