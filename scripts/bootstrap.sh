#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine lacks to build and run ocop: libpq (client library
# and headers), the PostgreSQL server programs (initdb, pg_ctl) for the embedded database,
# pkg-config, tmux for the interactive-scoring test, the zlib headers (certificate QR
# payloads, status lists), cairo/pango/qrencode and Liberation fonts for printed documents, and
# poppler/zbar to test them, make for the release build (`make build`, `make install`). Needs root
# (or sudo) only when something is missing.
set -euo pipefail

packages=(libpq-dev postgresql postgresql-contrib pkg-config tmux util-linux ca-certificates zlib1g-dev make
    libcairo2-dev libpango1.0-dev libqrencode-dev fonts-liberation2 poppler-utils zbar-tools)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if ((${#missing[@]})); then
    echo "Installing: ${missing[*]}"
    sudo=""
    if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! command -v swift >/dev/null 2>&1; then
    if [[ -x /opt/swift/usr/bin/swift ]]; then
        export PATH="/opt/swift/usr/bin:$PATH"
    else
        echo "Swift 6.3 is not installed (expected on PATH or at /opt/swift). Install the toolchain from swift.org." >&2
        exit 69
    fi
fi
