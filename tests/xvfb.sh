#!/usr/bin/env bash
# Runs a command under its own virtual X display. `xvfb-run -a` alone starts
# looking at :99, and two runs started together can share one server that the
# first to finish then kills; a random starting number keeps runs apart.
exec xvfb-run -a -n $((100 + RANDOM % 5000)) "$@"
