#!/usr/bin/env bash
# Installs Debian's chromium package for the HTML report check (scripts/html-check.sh).
# Needs root (or sudo) and apt; does nothing when chromium is already there.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  echo "chromium is installed: $(chromium --version 2>/dev/null)"
  exit 0
fi
sudo_=""
[ "$(id -u)" -ne 0 ] && sudo_="sudo"
$sudo_ apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -qq --no-install-recommends chromium
chromium --version
