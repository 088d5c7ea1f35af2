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
	# As root, or with sudo that asks no password (a CI runner).
	local sudo=()
	if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
		sudo=(sudo -n)
	fi
	if { [ "$(id -u)" -ne 0 ] && [ ${#sudo[@]} -eq 0 ]; } || ! command -v apt-get >/dev/null; then
		echo "missing Debian packages: ${missing[*]}; install them with: sudo apt-get install -y ${missing[*]}" >&2
		exit 1
	fi
	echo "installing ${missing[*]} (apt-get)…" >&2
	"${sudo[@]}" apt-get update -qq >/dev/null
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# need_chromium installs Debian's Chromium for guide pdf, unless a browser it can use is
# there already: $GUIDE_CHROMIUM, or one of the names guide pdf looks for (a GitHub
# runner has Google Chrome; Ubuntu's chromium package is only a wrapper around a snap).
need_chromium() {
	if [ -n "${GUIDE_CHROMIUM:-}" ]; then
		command -v "$GUIDE_CHROMIUM" >/dev/null && return 0
		echo "GUIDE_CHROMIUM=$GUIDE_CHROMIUM: no such program; install Chromium (sudo apt-get install -y chromium) or correct the path" >&2
		exit 1
	fi
	for b in chromium chromium-browser google-chrome google-chrome-stable; do
		command -v "$b" >/dev/null && return 0
	done
	apt_install chromium
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
# make site and serve index the site with Pagefind (package.json).
node) need_node_packages ;;
# End-to-end tests print the edition and drive the site with Debian's Chromium.
test) need_go; apt_install chromium poppler-utils openjdk-17-jre-headless; need_node_packages ;;
# make site prints the edition with Chromium (guide pdf reads the PDFs itself).
pdf) need_go; need_chromium ;;
bench) need_go; apt_install time; need_chromium; need_node_packages ;;
*) echo "usage: tools/deps.sh go|node|test|pdf|bench" >&2; exit 2 ;;
esac
