#!/usr/bin/env bash
# The browser tests drive the system Chromium (Playwright never downloads a browser here): install it when it
# is missing and this machine can (apt, as root or with sudo); otherwise stop at once with the one command to run.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then
  exit 0
fi
if command -v apt-get >/dev/null 2>&1; then
  as_root=""
  if [ "$(id -u)" -ne 0 ]; then
    if sudo -n true 2>/dev/null; then as_root="sudo"; else as_root="none"; fi
  fi
  if [ "$as_root" != "none" ]; then
    echo "The browser tests need the system Chromium; installing it (apt-get install -y chromium)…" >&2
    export DEBIAN_FRONTEND=noninteractive
    $as_root apt-get update -qq && $as_root apt-get install -y -qq chromium >/dev/null
    exit 0
  fi
fi
echo "The browser tests need the system Chromium. Install it, then run make test again:" >&2
echo "    sudo apt-get install -y chromium" >&2
exit 1
