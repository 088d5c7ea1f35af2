#!/usr/bin/env bash
# Installs what a make target needs on a fresh Debian machine with Go (and Node), or
# stops with a message saying what to install. Usage: tools/deps.sh go|node|test|pdf|bench
set -euo pipefail

need_go() {
	if ! command -v go >/dev/null; then
		echo "Go is required (https://go.dev/dl/, version from go.mod); install it and retry." >&2
		exit 1
	fi
	# Modules, Hugo included: the first `go tool hugo` compiles Hugo (1–5 minutes).
	go mod download
}

# apt_install PACKAGE... installs Debian packages when missing, as root.
apt_install() {
	local missing=()
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
		echo "missing Debian packages: ${missing[*]}; install them with: sudo apt-get install -y ${missing[*]}" >&2
		exit 1
	fi
	echo "installing ${missing[*]} (apt-get)…" >&2
	apt-get update -qq >/dev/null
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# need_node_packages installs the quality gates' Node packages (package.json: axe-core,
# vnu-jar) when node_modules is missing or older than package-lock.json. --ignore-scripts:
# vnu-jar's postinstall would download a Java runtime; Java comes from Debian instead.
need_node_packages() {
	if ! command -v npm >/dev/null; then
		apt_install nodejs npm
	fi
	cd "$(dirname "$0")/.."
	if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
		npm ci --ignore-scripts --no-audit --no-fund
	fi
}

case "${1:-}" in
go) need_go ;;
# make site, serve and pdf index the site with Pagefind (package.json).
node) need_node_packages ;;
# End-to-end tests print the edition and drive the site with Debian's Chromium.
test) need_go; apt_install chromium poppler-utils openjdk-17-jre-headless; need_node_packages ;;
pdf) need_go; apt_install chromium poppler-utils ;;
bench) need_go; apt_install time ;;
*) echo "usage: tools/deps.sh go|node|test|pdf|bench" >&2; exit 2 ;;
esac
