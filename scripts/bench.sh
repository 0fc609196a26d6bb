#!/bin/sh
# Times --help and a full --skip-install generation of the default project with the built
# binary, as the median of several runs. Usage: scripts/bench.sh [BINARY] [RUNS]
set -eu
bin=${1:-bin/create-supertokens-app}
runs=${2:-11}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# median_ms CMD...: runs CMD $runs times and prints the median wall time in milliseconds.
median_ms() {
	i=0
	while [ "$i" -lt "$runs" ]; do
		start=$(date +%s%N)
		"$@" >/dev/null 2>&1
		end=$(date +%s%N)
		echo $(((end - start) / 1000000))
		i=$((i + 1))
	done | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}

generate() {
	rm -rf "$work/out"
	"$bin" --yes --appname bench-app --skip-install --no-git --dir "$work/out"
}

echo "--help:                     $(median_ms "$bin" --help) ms (median of $runs)"
echo "generate --skip-install:    $(median_ms generate) ms (median of $runs)"
