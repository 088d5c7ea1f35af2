#!/usr/bin/env bash
# Needs bash 4 (associative arrays) and GNU time (/usr/bin/time -v): Linux.
# make bench: the validator and the site build on generated corpora of 1,000 and
# 10,000 projects. Prints wall time and peak memory (/usr/bin/time -v) for each.
# Targets on a 2-core machine: validate 10k ≤ 1.0 s and ≤ 300 MiB; build 10k ≤ 30 s
# and ≤ 2 GiB, growing linearly (10k / 1k ≤ 12×).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sizes=${BENCH_SIZES:-1000 10000}

echo "== building tools"
go build -o "$work/guide" ./tools/guide
go build -o "$work/hugo" github.com/gohugoio/hugo

measure() { # label command...
	local label=$1; shift
	/usr/bin/time -v "$@" >"$work/out.log" 2>"$work/time.log" || { cat "$work/out.log" "$work/time.log"; exit 1; }
	local wall rss
	wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time.log")
	rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.log")
	if [ -z "$wall" ] || [ -z "$rss" ]; then echo "bench: no figures from /usr/bin/time -v for $label" >&2; exit 1; fi
	printf '%-28s wall %8s   peak %6d MiB\n' "$label" "$wall" $((rss / 1024))
	last_secs=$(awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }' <<<"$wall")
	last_mib=$((rss / 1024))
}

declare -A build_secs build_mib

echo "== go test -bench (validator)"
go test ./tools/check -run '^$' -bench Validate -benchmem -count 1 | grep -E '^Benchmark'

for n in $sizes; do
	corpus="$work/corpus-$n"
	"$work/guide" gen -projects "$n" -out "$corpus/data"
	for part in config.toml content layouts i18n assets static; do cp -r "$part" "$corpus/"; done
	rm -rf "$corpus/static/wasm" "$corpus/static/pagefind" # generated; not part of the build measured
	echo "== $n projects ($(du -sh "$corpus/data" | cut -f1) of YAML)"
	measure "validate $n" "$work/guide" validate -data "$corpus/data"
	# As make site: the JSON copy of the validated data, then Hugo on it (tools/hugodata).
	measure "hugo-data $n" "$work/guide" hugo-data -data "$corpus/data" -out "$corpus/tmp/hugo-data"
	export GOMEMLIMIT=1800MiB # as make site
	# First the build written to memory (tmpfs), then to the disk: the difference is
	# the kernel's time writing the files, which varies a lot on a shared virtual disk
	# (first, so that no write-back of an earlier build runs during it).
	if [ -d /dev/shm ] && [ -w /dev/shm ]; then
		sync # let earlier writes reach the disk before timing
		shm=$(mktemp -d /dev/shm/guide-bench.XXXXXX)
		measure "hugo build $n (tmpfs)" "$work/hugo" --source "$corpus" --config "$corpus/config.toml,$corpus/tmp/hugo-data.toml" --destination "$shm" --quiet
		rm -rf "$shm"
	fi
	sync # nor any write-back of the steps before (the corpus, its copy, the tmpfs build's removal)
	measure "hugo build $n" "$work/hugo" --source "$corpus" --config "$corpus/config.toml,$corpus/tmp/hugo-data.toml" --destination "$work/public-$n" --quiet
	build_secs[$n]=$last_secs
	build_mib[$n]=$last_mib
	unset GOMEMLIMIT
	pages=$(find "$work/public-$n" -name '*.html' | wc -l)
	# The search index (make site runs Pagefind after Hugo; docs/site.md).
	[ -x node_modules/.bin/pagefind ] && measure "pagefind index $n" "$work/guide" search-index -site "$work/public-$n"
	echo "   $pages HTML pages, $(du -sh "$work/public-$n" | cut -f1)"
	rm -rf "$work/public-$n"
done

# The targets of the site build (issue 2), for the sizes measured.
if [ -n "${build_secs[10000]:-}" ]; then
	verdict() { if awk "BEGIN { exit !($1) }"; then echo met; else echo "NOT met"; fi; }
	echo "== targets (site build, written to disk)"
	echo "   10,000 projects in ${build_secs[10000]} s (≤ 30 s): $(verdict "${build_secs[10000]} <= 30")"
	echo "   peak ${build_mib[10000]} MiB (≤ 2048 MiB): $(verdict "${build_mib[10000]} <= 2048")"
	if [ -n "${build_secs[1000]:-}" ]; then
		ratio=$(awk "BEGIN { printf \"%.1f\", ${build_secs[10000]} / ${build_secs[1000]} }")
		echo "   10k / 1k = ${ratio}× (≤ 12×): $(verdict "${build_secs[10000]} / ${build_secs[1000]} <= 12")"
	fi
fi
