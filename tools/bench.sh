#!/usr/bin/env bash
# Needs bash 4 (associative arrays) and GNU time (/usr/bin/time -v): Linux.
# make bench: the validator, the release build and the print edition on generated
# corpora. Prints wall time and peak memory (/usr/bin/time -v) of each step, then the
# targets (docs/publishing.md, Performance), on a 2-core machine:
#   - `make site PRINT=no` at 10,000 projects, end to end (validate, data copy with the
#     entries' history from git, WebAssembly, Hugo, search index, link check): ≤ 40 s
#     wall, every step ≤ 2 GiB peak;
#   - the Hugo step ≤ 2× the bare paired Hugo floor (tools/benchfloor) on the same
#     corpus, both written to /dev/shm, back to back in the same run;
#   - the print edition of 200 projects, both languages: ≤ 30 s;
#   - the Hugo step growing linearly: 10k / 1k ≤ 12× (when both sizes are measured).
# BENCH_SIZES="1000 10000" (default) chooses the sizes (0 to skip them, with the
# validator's and the page types' benchmarks: the print only); BENCH_PRINT=200 the
# print corpus (0 to skip the print). The print alone:
#   BENCH_SIZES=0 BENCH_PRINT=200 tools/bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
work=$(mktemp -d)
shm=""
trap 'rm -rf "$work" ${shm:+"$shm"}' EXIT
sizes=${BENCH_SIZES:-1000 10000}
if [ "$sizes" = 0 ]; then sizes=""; fi
print_n=${BENCH_PRINT:-200}

echo "== building tools"
go build -o "$work/guide" ./tools/guide
go build -o "$work/hugo" github.com/gohugoio/hugo
hugoflags=(--printI18nWarnings --panicOnWarning) # as the Makefile

measure() { # label command...
	local label=$1; shift
	/usr/bin/time -v "$@" >"$work/out.log" 2>"$work/time.log" || { cat "$work/out.log" "$work/time.log"; exit 1; }
	local wall rss
	wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time.log")
	rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.log")
	if [ -z "$wall" ] || [ -z "$rss" ]; then echo "bench: no figures from /usr/bin/time -v for $label" >&2; exit 1; fi
	last_secs=$(awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }' <<<"$wall")
	last_mib=$((rss / 1024))
	# CPU time (user + system, children included): less disturbed than wall time by
	# other work on the machine.
	last_cpu=$(awk -F': ' '/User time \(seconds\)|System time \(seconds\)/ { s += $2 } END { printf "%.2f", s }' "$work/time.log")
	printf '%-34s wall %7.2f s   cpu %7.2f s   peak %6d MiB\n' "$label" "$last_secs" "$last_cpu" "$last_mib"
}

declare -A hugo_secs site_secs site_peak floor_secs shm_secs floor_cpu shm_cpu
verdicts=()
verdict() { # label condition
	local v="NOT met"
	if awk "BEGIN { exit !($2) }"; then v=met; fi
	verdicts+=("$(printf '   %-62s %s' "$1" "$v")")
}

if [ -n "$sizes" ]; then
	echo "== go test -bench (validator; the history step alone: 10,000 projects, 3 commits each)"
	go test ./tools/check -run '^$' -bench Validate -benchmem -count 1 | grep -E '^Benchmark'
	go test ./tools/history -run '^$' -bench Read10k -benchmem -benchtime 2x -count 1 | grep -E '^Benchmark'
fi

# stage N DIR: a generated corpus of N projects with the site's sources, as a checkout:
# data/ has a git history, so that guide hugo-data computes every entry's history
# (tools/history) as make site does in the repository.
stage() {
	local n=$1 dir=$2
	"$work/guide" gen -projects "$n" -out "$dir/data" >/dev/null
	history "$dir"
	for part in config.toml content layouts i18n assets static; do cp -r "$part" "$dir/"; done
	rm -rf "$dir/assets/wasm" "$dir/static/wasm" "$dir/static/pagefind" # generated
}

# history DIR: three dated commits of DIR/data, the last of which is the generated
# corpus: the projects added (with draft French text and another stage), their French
# text revised, their stage set. Every project then has an addition and up to two
# updates, as in tools/history's BenchmarkRead10k.
history() {
	local dir=$1 final="$1.final-data"
	cp -r "$dir/data" "$final"
	git -C "$dir" init -q -b main
	commit() { # date message
		git -C "$dir" add -A data
		GIT_AUTHOR_DATE="$1T12:00:00Z" GIT_COMMITTER_DATE="$1T12:00:00Z" git -C "$dir" -c user.name=bench \
			-c user.email=bench@example.org -c commit.gpgsign=false -c core.hooksPath=/dev/null commit -q -m "$2"
	}
	find "$dir/data/projects" -name '*.yaml' -exec sed -i -e 's/^stage: .*/stage: pilot/' -e 's/^  fr: /  fr: Ébauche. /' {} +
	commit 2025-03-01 "projects added"
	rm -rf "$dir/data" && cp -r "$final" "$dir/data"
	find "$dir/data/projects" -name '*.yaml' -exec sed -i 's/^stage: .*/stage: pilot/' {} +
	commit 2025-09-15 "French text revised"
	rm -rf "$dir/data" && mv "$final" "$dir/data"
	commit 2026-02-01 "stages updated"
	git -C "$dir" repack -adq # packed, as in a clone
}

for n in $sizes; do
	corpus="$work/corpus-$n"
	stage "$n" "$corpus"
	echo "== $n projects ($(du -sh "$corpus/data" | cut -f1) of YAML): make site PRINT=no, step by step"
	sync # no write-back of the corpus during the timings
	total=0
	peak=0
	step() { # label command...: one step of make site, added to the total
		measure "$@"
		total=$(awk "BEGIN { print $total + $last_secs }")
		if [ "$last_mib" -gt "$peak" ]; then peak=$last_mib; fi
	}
	# alone_mib: the sum of the peaks of the programs measured alone before a step that
	# runs them side by side. GNU time reports the largest process's peak, not the sum of
	# those running together, so the budget is checked against this sum.
	alone_mib=0
	alone() { measure "$@"; alone_mib=$((alone_mib + last_mib)); }
	side_by_side() { # label command...: a step of programs side by side, at most alone_mib
		step "$@"
		echo "   (side by side: at most $alone_mib MiB, the sum of each one's peak alone)"
		if [ "$alone_mib" -gt "$peak" ]; then peak=$alone_mib; fi
		alone_mib=0
	}
	# Each alone, then side by side as make site runs them (make -j3): the total counts
	# the latter. guide wasm compiles this repository's tools/wasm/* once per state of
	# their sources (tools/wasmbuild: a copy from the user's cache afterwards, as in make
	# site after make wasm). hugo-data reads data/ once for the data copy, the derived
	# data (with the entries' history from git) and the open data (-opendata).
	data=(hugo-data -data "$corpus/data" -out "$corpus/tmp/hugo-data" -opendata "$corpus/tmp/opendata" -site "$corpus" -config "$corpus/config.toml")
	alone "  validate (alone)" "$work/guide" validate -data "$corpus/data"
	alone "  hugo-data with open data (alone)" "$work/guide" "${data[@]}"
	alone "  wasm (alone)" "$work/guide" wasm -out "$corpus/assets/wasm"
	rm -rf "$corpus/tmp/hugo-data" "$corpus/tmp/hugo-data.toml" "$corpus/tmp/hugo-derived" "$corpus/assets/wasm" "$corpus/tmp/opendata" "$corpus/tmp/opendata.toml"
	side_by_side "validate | hugo-data -opendata | wasm" bash -c 'g=$1 c=$2; shift 2
		"$g" validate -data "$c/data" & v=$!
		"$g" "$@" & d=$!
		"$g" wasm -out "$c/assets/wasm" & w=$!
		wait $v && wait $d && wait $w' _ "$work/guide" "$corpus" "${data[@]}"
	export GOMEMLIMIT=1800MiB # as the Makefile
	step "hugo" "$work/hugo" "${hugoflags[@]}" --source "$corpus" --config "$corpus/config.toml,$corpus/tmp/hugo-data.toml,$corpus/tmp/opendata.toml" --gc --destination "$corpus/tmp/release" --quiet
	hugo_secs[$n]=$last_secs
	unset GOMEMLIMIT
	cp "$corpus/tmp/release/en/404.html" "$corpus/tmp/release/404.html"
	# The search index and the link check: each alone, then side by side as make site
	# runs them (make -j2; the link check leaves out /pagefind/, still being written).
	# The generated entries link to https://example.org/…, which is also config.toml's
	# baseURL: another host with the same path keeps them outside the site.
	links=("$work/guide" links -site "$corpus/tmp/release" -base-url https://guide.example/)
	if [ -x node_modules/.bin/pagefind ]; then
		alone "  search index, per language (alone)" "$work/guide" search-index -site "$corpus/tmp/release"
		alone "  link check (alone)" "${links[@]}"
		rm -rf "$corpus/tmp/release/pagefind"
		side_by_side "search index | link check" bash -c 'g=$1; shift
			"$g" search-index -site "$1" & i=$!
			"${@:2}" -not-built /pagefind/ & l=$!
			wait $i && wait $l' _ "$work/guide" "$corpus/tmp/release" "${links[@]}"
	else
		echo "   (no Pagefind: npm ci --ignore-scripts; the search index is left out)"
		step "link check" "${links[@]}" -not-built /pagefind/
	fi
	site_secs[$n]=$total
	site_peak[$n]=$peak
	printf '%-34s wall %7.2f s   peak %6d MiB (the largest step)\n' "make site PRINT=no, total" "$total" "$peak"
	echo "   $(find "$corpus/tmp/release" -name '*.html' | wc -l) HTML pages, $(du -sh "$corpus/tmp/release" | cut -f1)"
	rm -rf "$corpus/tmp/release"

	# The Hugo step against the bare paired floor, same corpus, both to memory, back to back.
	if [ -d /dev/shm ] && [ -w /dev/shm ]; then
		floor="$work/floor-$n"
		mkdir -p "$floor/content/en/projects" "$floor/content/fr/projets" "$floor/layouts" "$floor/data"
		cp tools/benchfloor/hugo.toml "$floor/"
		cp tools/benchfloor/content-en.gotmpl "$floor/content/en/projects/_content.gotmpl"
		cp tools/benchfloor/content-fr.gotmpl "$floor/content/fr/projets/_content.gotmpl"
		cp tools/benchfloor/layouts/*.html "$floor/layouts/"
		cp -r "$corpus/data/projects" "$floor/data/projects"
		shm=$(mktemp -d /dev/shm/guide-bench.XXXXXX)
		sync
		measure "floor hugo (tmpfs)" "$work/hugo" --source "$floor" --destination "$shm/floor" --quiet
		floor_secs[$n]=$last_secs
		floor_cpu[$n]=$last_cpu
		rm -rf "$shm/floor"
		export GOMEMLIMIT=1800MiB
		measure "hugo (tmpfs)" "$work/hugo" "${hugoflags[@]}" --source "$corpus" --config "$corpus/config.toml,$corpus/tmp/hugo-data.toml,$corpus/tmp/opendata.toml" --gc --destination "$shm/site" --quiet
		unset GOMEMLIMIT
		shm_secs[$n]=$last_secs
		shm_cpu[$n]=$last_cpu
		rm -rf "$shm" "$floor"
		shm=""
	fi
	rm -rf "$corpus"
done

# The print edition: the release's print pages for N projects, then guide pdf, both
# languages (the step make site adds to PRINT=no).
if [ "$print_n" -gt 0 ]; then
	corpus="$work/print-$print_n"
	stage "$print_n" "$corpus"
	echo "== print edition, $print_n projects"
	"$work/guide" pdf -hugo-config -config "$corpus/config.toml" >"$corpus/print-output.toml"
	"$work/guide" hugo-data -data "$corpus/data" -out "$corpus/tmp/hugo-data" >/dev/null
	"$work/guide" opendata -data "$corpus/data" -site "$corpus" -config "$corpus/config.toml" -out "$corpus/tmp/opendata" >/dev/null
	GOMEMLIMIT=1800MiB "$work/hugo" "${hugoflags[@]}" --source "$corpus" --config "$corpus/config.toml,$corpus/tmp/hugo-data.toml,$corpus/tmp/opendata.toml,$corpus/print-output.toml" --destination "$corpus/public" --quiet
	measure "guide pdf (en + fr)" "$work/guide" pdf -public "$corpus/public"
	print_secs=$last_secs
	print_mib=$last_mib
	print_cpu=$last_cpu
	sed -n 's/^.*\/\([^/]*\.pdf\): /   \1: /p' "$work/out.log"
	rm -rf "$corpus"
fi

echo "== targets"
if [ -n "${site_secs[10000]:-}" ]; then
	verdict "make site PRINT=no, 10,000 projects: ${site_secs[10000]} s (≤ 40 s)" "${site_secs[10000]} <= 40"
	verdict "largest step's peak: ${site_peak[10000]} MiB (≤ 2048 MiB)" "${site_peak[10000]} <= 2048"
fi
for n in $sizes; do
	if [ -n "${floor_secs[$n]:-}" ]; then
		ratio=$(awk "BEGIN { printf \"%.2f\", ${shm_secs[$n]} / ${floor_secs[$n]} }")
		verdict "hugo / floor, $n projects: ${shm_secs[$n]} / ${floor_secs[$n]} s = ${ratio}× (≤ 2×)" "${shm_secs[$n]} <= 2 * ${floor_secs[$n]}"
	fi
done
if [ -n "${hugo_secs[10000]:-}" ] && [ -n "${hugo_secs[1000]:-}" ]; then
	ratio=$(awk "BEGIN { printf \"%.1f\", ${hugo_secs[10000]} / ${hugo_secs[1000]} }")
	verdict "hugo 10k / 1k = ${ratio}× (≤ 12×)" "${hugo_secs[10000]} <= 12 * ${hugo_secs[1000]}"
fi
if [ -n "${print_secs:-}" ]; then
	verdict "print, $print_n projects, en + fr: $print_secs s, $print_mib MiB (≤ 30 s)" "$print_secs <= 30"
fi
printf '%s\n' "${verdicts[@]}"
if [ -n "${print_cpu:-}" ]; then
	echo "   (guide pdf in CPU time, without Chromium, whose processes GNU time does not see: $print_cpu s; load $(cut -d' ' -f1-3 /proc/loadavg))"
fi
# Not a target: the same ratio in CPU time, steadier than wall time on a shared machine.
for n in $sizes; do
	if [ -n "${floor_cpu[$n]:-}" ]; then
		echo "   (hugo / floor in CPU time, $n projects: ${shm_cpu[$n]} / ${floor_cpu[$n]} s = $(awk "BEGIN { printf \"%.2f\", ${shm_cpu[$n]} / ${floor_cpu[$n]} }")×; load $(cut -d' ' -f1-3 /proc/loadavg))"
	fi
done
if [ -n "$sizes" ]; then go run ./tools/pagebench; fi # each page type on the slow profile: bytes before the reader acts, time to ready (docs/site.md, Performance)
