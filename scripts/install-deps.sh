#!/usr/bin/env bash
# Installs what building and testing Aftercart needs on a fresh Debian machine,
# and nothing that is already there. Safe to run again.
set -euo pipefail

# chromium: pages a person sees (the unsubscribe page) are tested in a real headless browser.
apt_packages=(libsqlite3-dev libcurl4-openssl-dev pkg-config chromium)

missing=()
for package in "${apt_packages[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done

if ((${#missing[@]})); then
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    echo "installing: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# The SMTP channel's tests talk to a real SMTP server: aiosmtpd from PyPI.
if ! python3 -c "import aiosmtpd" >/dev/null 2>&1; then
    echo "installing: aiosmtpd (python3 -m pip)"
    python3 -m pip install --quiet aiosmtpd || python3 -m pip install --quiet --break-system-packages aiosmtpd
fi
