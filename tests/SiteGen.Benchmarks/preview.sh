#!/usr/bin/env bash
# The preview's one-file rebuild as a user gets it: the published executable's `sitegen preview` on a generated site,
# one hand-written paper's abstract given one more sentence at a time, and the time each rebuild reports
# ("Rebuilt in N ms"). `rebuild` (SiteGen.Benchmarks) times the same rebuild in its own process, on the JIT; this
# script times the program people run.
#
#   tests/SiteGen.Benchmarks/preview.sh                  # 10,000 papers, 25 edits
#
# Knobs (environment, defaults in brackets):
#   N        paper count                                        [10000]
#   EDITS    edits, one at a time                               [25]
#   PAUSE_S  seconds between two edits (a rebuild must end first) [2]
#   SEED     generator seed                                     [42]
#   ROOT     scratch folder (a tmpfs: /dev/shm when it is one)   [/dev/shm/sitegen-preview or /tmp/sitegen-preview]
# Prints each rebuild's time, then one line: `median M ms, N rebuilds (min-max)`.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
N=${N:-10000}
EDITS=${EDITS:-25}
PAUSE_S=${PAUSE_S:-2}
SEED=${SEED:-42}
if [ -z "${ROOT:-}" ]; then
  ROOT=/tmp/sitegen-preview
  [ "$(stat -f -c %T /dev/shm 2>/dev/null)" = tmpfs ] && ROOT=/dev/shm/sitegen-preview
fi

rm -rf "$ROOT" && mkdir -p "$ROOT"
dotnet build "$HERE/SiteGen.Benchmarks.csproj" -c Release -o "$ROOT/bench" > "$ROOT/build-bench.log" 2>&1
dotnet publish "$REPO/src/SiteGen/SiteGen.csproj" -c Release -o "$ROOT/sitegen" > "$ROOT/publish.log" 2>&1
dotnet "$ROOT/bench/SiteGen.Benchmarks.dll" generate --count "$N" --seed "$SEED" --out "$ROOT/site" > "$ROOT/generate.log"
"$ROOT/sitegen/sitegen" build --root "$ROOT/site" > "$ROOT/cold.log"

# A hand-written paper, as run.sh's rebuild-1file edits.
paper=$ROOT/site/input/papers/$(ls "$ROOT/site/input/papers" | sed -n 7p)
log=$ROOT/preview.log
"$ROOT/sitegen/sitegen" preview --root "$ROOT/site" --port 0 > "$log" 2>&1 &
preview=$!
# SIGTERM, not SIGINT: a job a script puts in the background ignores SIGINT. The preview stops on either.
trap 'kill -TERM $preview 2>/dev/null || true' EXIT
# Ready once it serves: its first build found the site up to date.
for _ in $(seq 1 300); do
  grep -q 'http://127.0.0.1:' "$log" && break
  sleep 0.1
done
for i in $(seq 1 "$EDITS"); do
  printf 'This abstract was revised for edit %s of the preview benchmark.\n' "$i" >> "$paper"
  sleep "$PAUSE_S"
done
kill -TERM $preview
wait $preview || true
trap - EXIT

times=$(grep -o 'Rebuilt in [0-9]* ms' "$log" | awk '{print $3}')
[ -n "$times" ] || { echo "preview.sh: no rebuild was reported; see $log" >&2; exit 1; }
echo "$times" | tr '\n' ' '; echo
echo "$times" | sort -n | awk '{t[NR] = $1} END {printf "median %d ms, %d rebuilds (%d-%d ms)\n", t[int((NR + 1) / 2)], NR, t[1], t[NR]}'
