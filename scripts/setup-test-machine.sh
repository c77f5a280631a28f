#!/usr/bin/env bash
# Installs what `npm test` needs on a Debian machine, only what is missing: PostgreSQL (the test set-up starts a
# throwaway server of its own, test/setup/postgres.ts), Chromium (Mermaid diagrams) and Prometheus (with promtool:
# the dashboard and the alert rules). Run it as root or with sudo; it prints what it does and changes nothing else.
set -euo pipefail

have() { command -v "$1" >/dev/null 2>&1; }
have_initdb() { have initdb || compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; }

need=()
# A Chrome named by PUPPETEER_EXECUTABLE_PATH (GitHub's runners have one) serves as well as Debian's Chromium.
[ -x "${PUPPETEER_EXECUTABLE_PATH:-}" ] || have chromium || need+=(chromium)
have prometheus || need+=(prometheus)
# initdb refuses to run as root: the test set-up runs PostgreSQL as the `postgres` user Debian's package creates.
if ! have_initdb || { [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; }; then need+=(postgresql); fi

if [ ${#need[@]} -eq 0 ]; then
  echo "setup-test-machine: PostgreSQL, a Chromium and Prometheus are installed"
  exit 0
fi

sudo=()
if [ "$(id -u)" != 0 ]; then
  have sudo || { echo "setup-test-machine: run as root to install ${need[*]}" >&2; exit 1; }
  sudo=(sudo)
fi
echo "setup-test-machine: installing ${need[*]} from Debian"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}"
