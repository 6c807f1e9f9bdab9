#!/usr/bin/env bash
# `geoevents view` as scripts meet it: no display, headless screenshots,
# recordings (frame counts), bad options. Run by CTest under xvfb-run.
# usage: view.sh GEOEVENTS_BINARY SOURCE_DIR   (GEOEVENTS_INDEX names the real index)
set -uo pipefail
bin=$1; src=$2
fail=0
check() { if eval "$2"; then echo "ok: $1"; else echo "FAILED: $1"; fail=1; fi; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

"$bin" map "$src/samples/barkhane" -o "$tmp/out" --quiet >/dev/null 2>"$tmp/err" || { cat "$tmp/err"; exit 1; }
gpkg="$tmp/out/events.gpkg"

env -u DISPLAY "$bin" view "$gpkg" >/dev/null 2>"$tmp/err"; rc=$?
check "no display: exit 7 and a message pointing to xvfb-run" '[ $rc -eq 7 ] && grep -q "xvfb-run" "$tmp/err"'
DISPLAY=:4242 "$bin" view "$gpkg" --headless --screenshot "$tmp/x.png" >/dev/null 2>"$tmp/err"; rc=$?
check "an X server that does not answer: exit 7, nothing written" '[ $rc -eq 7 ] && [ ! -e "$tmp/x.png" ]'

"$bin" view "$gpkg" --headless --at 2022-02-17 --screenshot "$tmp/shot.png" --quiet 2>"$tmp/err"; rc=$?
check "a headless screenshot at a date" '[ $rc -eq 0 ] && [ "$(head -c 8 "$tmp/shot.png" | od -An -tx1 | tr -d " ")" = "89504e470d0a1a0a" ]'
check "the screenshot has the window size" '[ "$(od -An -tu1 -j16 -N8 "$tmp/shot.png" | tr -s " ")" = " 0 0 5 0 0 0 3 32" ]'

"$bin" view "$gpkg" --record "$tmp/frames" --fps 5 --duration 1.2 --size 640x400 --quiet 2>"$tmp/err"; rc=$?
check "--record writes exactly duration x fps frames" '[ $rc -eq 0 ] && [ "$(ls "$tmp/frames" | wc -l)" -eq 6 ] && [ -s "$tmp/frames/frame_000005.png" ]'

"$bin" view "$gpkg" --video "$tmp/story.mp4" --fps 10 --duration 1 --size 640x400 --quiet 2>"$tmp/err"; rc=$?
check "--video writes an MP4 through ffmpeg" '[ $rc -eq 0 ] && [ -s "$tmp/story.mp4" ] && [ ! -e "$tmp/story.mp4.part" ]'
if command -v ffprobe >/dev/null; then
  n=$(ffprobe -v error -count_frames -select_streams v:0 -show_entries stream=nb_read_frames -of csv=p=0 "$tmp/story.mp4")
  check "the video has exactly duration x fps frames" '[ "$n" = "10" ]'
fi

"$bin" view "$gpkg" --headless --at yesterday --screenshot "$tmp/y.png" >/dev/null 2>"$tmp/err"; rc=$?
check "a bad --at is refused with exit 2" '[ $rc -eq 2 ] && grep -q "yesterday" "$tmp/err"'
"$bin" view "$gpkg" --record "$tmp/f2" --size 10x10 >/dev/null 2>"$tmp/err"; rc=$?
check "an impossible size is refused with exit 2" '[ $rc -eq 2 ] && grep -q "size" "$tmp/err"'
PATH=/nonexistent "$bin" view "$gpkg" --video "$tmp/v.mp4" --fps 2 --duration 1 --quiet >/dev/null 2>"$tmp/err"; rc=$?
check "without ffmpeg: exit 4 naming the video, nothing left" '[ $rc -eq 4 ] && grep -q "v.mp4" "$tmp/err" && [ ! -e "$tmp/v.mp4" ] && [ ! -e "$tmp/v.mp4.part" ]'
# The main job's video: map --video ends with OUT/story.mp4 beside the images (20 s at 30 frames/s).
"$bin" map "$src/samples/barkhane" -o "$tmp/mapvideo" --video -q 2>"$tmp/err"; rc=$?
check "map --video writes story.mp4 beside map.png and map.svg" \
  '[ $rc -eq 0 ] && [ -s "$tmp/mapvideo/story.mp4" ] && [ -s "$tmp/mapvideo/map.png" ] && [ -s "$tmp/mapvideo/map.svg" ]'
if command -v ffprobe >/dev/null; then
  n=$(ffprobe -v error -count_frames -select_streams v:0 -show_entries stream=nb_read_frames -of csv=p=0 "$tmp/mapvideo/story.mp4")
  check "map's video has exactly 20 x 30 frames" '[ "$n" = "600" ]'
fi

exit $fail
