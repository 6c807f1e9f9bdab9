#!/usr/bin/env bash
# Runs a command under its own virtual X display. `xvfb-run -a` alone starts
# looking at :99, and two runs started together can share one server that the
# first to finish then kills; a random starting number keeps runs apart.
# -noreset: the server does not reset when its last client leaves (a test
# that opens a new connection right then would be refused).
exec xvfb-run -a -n $((100 + RANDOM % 5000)) -s "-screen 0 1280x1024x24 -noreset" "$@"
