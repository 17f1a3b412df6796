#!/usr/bin/env bash
# The build benchmark: SiteGen (Release) against Hugo on the same generated papers. See README.md beside this file.
#
#   tests/SiteGen.Benchmarks/run.sh                         # N = 1,000, 10,000 and 100,000, 3 runs of each scenario
#   SIZES="1000 10000" REPS=3 tests/SiteGen.Benchmarks/run.sh
#
# For each N: generates the papers once (`generate --count N --seed SEED`, both sites), then per scenario and
# repetition builds SiteGen, then Hugo (A B A B ...), each under `/usr/bin/time -v` and `timeout`, and prints a
# Markdown table. Scenarios:
#   cold              output folder (and SiteGen's cache/, Hugo's cache dir) removed before each build
#   rebuild-nochange  the same build again over the output the previous build left
#   rebuild-1file     one hand-written paper's abstract gets one more sentence (the same paper in both sites), rebuild
#   add-day           the daily update: a new listing of 50 new papers (`add-day`; the same papers as pages in the Hugo
#                     site), rebuild over the previous output and cache (Hugo has no such mode: it builds everything)
#   add-day-ci        add-day as a CI runner finds the site: every input file touched (a fresh checkout), every file of
#                     SiteGen's output and cache set to one whole second (restored from an archive); not in the defaults
#
# Knobs (environment, defaults in brackets):
#   SIZES          paper counts                                        [1000 10000 100000]
#   REPS           runs of each scenario per tool                      [3]
#   SEED           generator seed                                      [42]
#   SCENARIOS      which scenarios                                     [cold rebuild-nochange rebuild-1file add-day]
#   TOOLS          which tools: sitegen, hugo (the repository's Hugo site, SiteGen's page set), hugo-lean (hugo-lean/:
#                  a minimal Hugo site of about half the pages, the anchor SiteGen's cold build is held to)  [sitegen hugo]
#   MAX_BUILD_S    a build taking longer is killed (counted as failed) [900]
#   MAX_GEN_S      the generator's time limit                          [1200]
#   HEAP_LIMIT_GB  SiteGen's GC heap limit (DOTNET_GCHeapHardLimit), so that a build that would exhaust the
#                  machine's memory fails alone instead of waking the kernel's OOM killer; 0 = no limit   [12]
#   BENCH_ROOT     scratch folder (sites, outputs, binaries); a tmpfs: /dev/shm when it is one, else a tmpfs is
#                  mounted at /tmp/sitegen-bench (needs root), else the disk (slower and noisier)  [see text]
#   RESULTS        where raw.tsv, summary.md, env.txt and logs/ go  [tests/SiteGen.Benchmarks/results/<UTC stamp>]
#   KEEP           1 = leave the generated sites and outputs in BENCH_ROOT                          [0]
set -uo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
SIZES=${SIZES:-"1000 10000 100000"}
REPS=${REPS:-3}
SEED=${SEED:-42}
SCENARIOS=${SCENARIOS:-"cold rebuild-nochange rebuild-1file add-day"}
TOOLS=${TOOLS:-"sitegen hugo"}
MAX_BUILD_S=${MAX_BUILD_S:-900}
MAX_GEN_S=${MAX_GEN_S:-1200}
HEAP_LIMIT_GB=${HEAP_LIMIT_GB:-12}
RESULTS=${RESULTS:-$HERE/results/$(date -u +%Y%m%dT%H%M%SZ)}
KEEP=${KEEP:-0}
TIME=/usr/bin/time

die() { echo "run.sh: $*" >&2; exit 1; }
say() { echo "[$(date -u +%H:%M:%S)] $*" | tee -a "$RESULTS/run.log" >&2; }

# ------------------------------------------------------------------------------------------------ checks
[ -x "$TIME" ] || die "/usr/bin/time is missing: apt-get update && apt-get install -y time"
command -v timeout >/dev/null || die "timeout is missing (coreutils)"
command -v dotnet >/dev/null || die "dotnet is missing: install the .NET 10 SDK"
case " $TOOLS " in *" hugo "*|*" hugo-lean "*) command -v hugo >/dev/null || die "hugo is missing: apt-get update && apt-get install -y hugo time" ;; esac

# ------------------------------------------------------------------------------------------------ scratch folder
MOUNTED=0
if [ -z "${BENCH_ROOT:-}" ]; then
  if [ "$(stat -f -c %T /dev/shm 2>/dev/null)" = tmpfs ] && [ -w /dev/shm ]; then
    BENCH_ROOT=/dev/shm/sitegen-bench
  else
    BENCH_ROOT=/tmp/sitegen-bench
    mkdir -p "$BENCH_ROOT"
    if ! mountpoint -q "$BENCH_ROOT" && mount -t tmpfs -o size=16g tmpfs "$BENCH_ROOT" 2>/dev/null; then
      MOUNTED=1
    fi
  fi
fi
ROOT=$BENCH_ROOT
mkdir -p "$ROOT" "$RESULTS/logs" || die "cannot create $ROOT or $RESULTS"
cleanup() {
  # Only what this script made: its scratch folder's contents, and the tmpfs it mounted.
  if [ "$KEEP" != 1 ]; then
    rm -rf "$ROOT/site-"* "$ROOT/hugo-"* "$ROOT/out" "$ROOT/cache" "$ROOT/bin" "$ROOT/marker"
    if [ "$MOUNTED" = 1 ]; then cd / && umount "$ROOT" 2>/dev/null; fi
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ------------------------------------------------------------------------------------------------ binaries
say "building the generator and publishing SiteGen (Release) into $ROOT/bin"
rm -rf "$ROOT/bin"
dotnet build "$HERE/SiteGen.Benchmarks.csproj" -c Release -o "$ROOT/bin/bench" > "$RESULTS/logs/build-bench.log" 2>&1 \
  || die "building the benchmark project failed; see $RESULTS/logs/build-bench.log"
dotnet publish "$REPO/src/SiteGen/SiteGen.csproj" -c Release -o "$ROOT/bin/sitegen" > "$RESULTS/logs/publish-sitegen.log" 2>&1 \
  || die "publishing SiteGen failed; see $RESULTS/logs/publish-sitegen.log"
BENCH="dotnet $ROOT/bin/bench/SiteGen.Benchmarks.dll"
SITEGEN=$ROOT/bin/sitegen/sitegen

{
  echo "date_utc: $(date -u +%FT%TZ)"
  echo "host: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GiB RAM, kernel $(uname -r)"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) (other builds on the machine show here)"
  echo "memory available at start: $(free -g | awk '/Mem:/{print $7}') GiB (files on a tmpfs hold memory: with little left, builds spend far more system time)"
  echo "bench_root: $ROOT ($(stat -f -c %T "$ROOT"))"
  echo "transparent huge pages: $(cat /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null || echo unknown)"
  # A guest that gives freed memory back to its host makes a build that follows a pause (a Hugo build) fault there on
  # the memory it touches: rebuilds then measure fresh memory as much as work (README, "this machine gives freed memory back").
  reported=$(cat /sys/module/page_reporting/parameters/reported_kib 2>/dev/null || echo 0)
  echo "free page reporting to the host: $([ "${reported:-0}" -gt 0 ] 2>/dev/null && echo "on (${reported} KiB given back since boot)" || echo "off or unknown")"
  echo "dotnet: $(dotnet --version); SiteGen commit: $(git -C "$REPO" rev-parse --short HEAD)$(git -C "$REPO" diff --quiet HEAD -- src || echo ' (src has uncommitted changes)')"
  echo "hugo: $(hugo version 2>/dev/null)"
  echo "settings: SIZES='$SIZES' REPS=$REPS SEED=$SEED SCENARIOS='$SCENARIOS' TOOLS='$TOOLS' MAX_BUILD_S=$MAX_BUILD_S HEAP_LIMIT_GB=$HEAP_LIMIT_GB"
} > "$RESULTS/env.txt"
cat "$RESULTS/env.txt" >&2

SITEGEN_ENV=()
if [ "$HEAP_LIMIT_GB" != 0 ]; then
  # Hexadecimal without 0x: the native executable's runtime reads no prefix, and ignores the setting with one.
  SITEGEN_ENV=(env "DOTNET_GCHeapHardLimit=$(printf '%x' $((HEAP_LIMIT_GB * 1024 * 1024 * 1024)))")
fi

RAW=$RESULTS/raw.tsv
printf 'n\ttool\tscenario\trep\twall_s\tuser_s\tsys_s\tmaxrss_kb\tfiles\twritten\trc\n' > "$RAW"

# ------------------------------------------------------------------------------------------------ per tool
site_of() { case $1 in sitegen) echo "$ROOT/site-$2" ;; hugo) echo "$ROOT/hugo-$2" ;; hugo-lean) echo "$ROOT/hugo-lean-$2" ;; esac; }
out_of() { echo "$ROOT/out/$1-$2"; }

# build TOOL N: the command line of one build
build_cmd() {
  local site out; site=$(site_of "$1" "$2"); out=$(out_of "$1" "$2")
  case $1 in
    sitegen) echo "${SITEGEN_ENV[*]} $SITEGEN build --root $site --output $out --verbose" ;;
    hugo|hugo-lean) echo "hugo --quiet --source $site --destination $out --cacheDir $ROOT/cache/$1-$2" ;;
  esac
}

# clean TOOL N: remove the output and whatever state the tool keeps between builds
clean() {
  local site; site=$(site_of "$1" "$2")
  rm -rf "$(out_of "$1" "$2")"
  case $1 in
    sitegen) rm -rf "$site/cache" ;;
    hugo|hugo-lean) rm -rf "$ROOT/cache/$1-$2" "$site/resources" "$site/.hugo_build.lock" ;;
  esac
}

# the file of the paper that rebuild-1file edits in run REP: a hand-written page, the same slug in both sites
edited_paper() { ls "$(site_of sitegen "$1")/input/papers" | sed -n "$(( $2 * 7 ))p"; }
paper_file() {
  case $1 in
    sitegen) echo "$(site_of sitegen "$2")/input/papers/$3" ;;
    hugo|hugo-lean) echo "$(site_of "$1" "$2")/content/papers/$3" ;;
  esac
}

# timed N TOOL SCENARIO REP: one build under /usr/bin/time -v and timeout; appends a row to raw.tsv
timed() {
  local n=$1 tool=$2 scenario=$3 rep=$4
  local out; out=$(out_of "$tool" "$n")
  local tf=$RESULTS/logs/$tool-$n-$scenario-$rep.time lf=$RESULTS/logs/$tool-$n-$scenario-$rep.log
  local cmd; cmd=$(build_cmd "$tool" "$n")
  echo "load $(cut -d' ' -f1-3 /proc/loadavg): $cmd" >> "$RESULTS/run.log"
  touch "$ROOT/marker"; sleep 0.05
  # shellcheck disable=SC2086 # the command line is split on purpose
  "$TIME" -v -o "$tf" timeout -k 10 "$MAX_BUILD_S" $cmd > "$lf" 2>&1
  local rc wall user sys rss files=0 written=0
  rc=$(awk -F': ' '/Exit status/ {print $2}' "$tf"); rc=${rc:-99}
  wall=$(awk '/Elapsed \(wall clock\)/ {n = split($NF, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$tf")
  user=$(awk -F': ' '/User time/ {print $2}' "$tf")
  sys=$(awk -F': ' '/System time/ {print $2}' "$tf")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tf")
  if [ -d "$out" ]; then
    files=$(find "$out" -type f | wc -l)
    written=$(find "$out" -type f -newer "$ROOT/marker" | wc -l)
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' \
    "$n" "$tool" "$scenario" "$rep" "$wall" "$user" "$sys" "$rss" "$files" "$written" "$rc" >> "$RAW"
  # Whether a SiteGen rebuild was held off the collector (its --verbose says): one refused or run out takes seconds more.
  local held; held=$(grep -o '[a-z ]*held off the collector[^;]*' "$lf" | sed 's/^ *//')
  say "  N=$n $tool $scenario #$rep: ${wall}s, RSS $((${rss:-0} / 1024)) MB, $files files, $written written, exit $rc${held:+; $held}"
  [ "$rc" = 0 ]
}

# run N TOOL SCENARIO REP: a timed build, unless the tool already failed at this N (a build that ran out of time
# or memory would only do so again); $alive holds the tools still running
run() {
  case $alive in *" $2 "*) ;; *) return ;; esac
  timed "$@" || { say "  N=$1 $2: $3 failed; no more $2 builds at N=$1"; alive=${alive/ $2 / }; }
}

# ------------------------------------------------------------------------------------------------ main loop
for n in $SIZES; do
  say "N=$n: generating (seed $SEED)"
  rm -rf "$(site_of sitegen "$n")" "$(site_of hugo "$n")" "$ROOT/out" "$ROOT/cache"
  mkdir -p "$ROOT/out" "$ROOT/cache"
  if ! (cd "$REPO" && timeout "$MAX_GEN_S" $BENCH generate --count "$n" --seed "$SEED" \
        --out "$(site_of sitegen "$n")" --hugo "$(site_of hugo "$n")") > "$RESULTS/logs/generate-$n.txt" 2>&1; then
    say "N=$n: the generator failed or timed out; see $RESULTS/logs/generate-$n.txt"
    continue
  fi
  cat "$RESULTS/logs/generate-$n.txt" >&2
  grep '^sha256' "$RESULTS/logs/generate-$n.txt" | sed "s/^/N=$n /" >> "$RESULTS/env.txt"
  case " $TOOLS " in *" hugo-lean "*)
    # the lean site: its own configuration and layouts, the generated Hugo site's papers
    lean=$(site_of hugo-lean "$n"); rm -rf "$lean"; mkdir -p "$lean/content"
    cp -r "$HERE/hugo-lean/." "$lean/" && cp -r "$(site_of hugo "$n")/content/papers" "$lean/content/" \
      || say "N=$n: staging the lean Hugo site failed" ;;
  esac
  sync

  alive=" $TOOLS "
  for scenario in $SCENARIOS; do
    for rep in $(seq 1 "$REPS"); do
      # The edits of the rebuild scenarios go on top of a build: make one first if there is none.
      if [ "$scenario" != cold ]; then
        for tool in $TOOLS; do
          [ -d "$(out_of "$tool" "$n")" ] || { clean "$tool" "$n"; timed "$n" "$tool" prime "$rep" >/dev/null 2>&1; }
        done
      fi
      if [ "$scenario" = add-day ] || [ "$scenario" = add-day-ci ]; then
        # add-day-ci's days come after add-day's, so both scenarios can run on one site
        day=$rep; [ "$scenario" = add-day-ci ] && day=$((REPS + rep))
        # the same papers into each Hugo site built
        hugo_sites=()
        for tool in hugo hugo-lean; do
          case " $TOOLS " in *" $tool "*) hugo_sites+=(--hugo "$(site_of "$tool" "$n")") ;; esac
        done
        $BENCH add-day --site "$(site_of sitegen "$n")" "${hugo_sites[@]}" --day "$day" --seed "$SEED" >> "$RESULTS/run.log" 2>&1 \
          || say "N=$n: add-day $day failed; see $RESULTS/run.log"
      fi
      if [ "$scenario" = add-day-ci ]; then
        find "$(site_of sitegen "$n")/input" -type f -exec touch {} +
        second=$(date +%s)
        for kept in "$(out_of sitegen "$n")" "$(site_of sitegen "$n")/cache"; do
          [ -d "$kept" ] && find "$kept" -type f -print0 | xargs -0 -r touch -d "@$second"
        done
      fi
      if [ "$scenario" = rebuild-1file ]; then
        f=$(edited_paper "$n" "$rep")
        for tool in $TOOLS; do
          printf 'This abstract was revised for run %s of the benchmark.\n' "$rep" >> "$(paper_file "$tool" "$n" "$f")"
        done
      fi
      for tool in $TOOLS; do
        [ "$scenario" = cold ] && clean "$tool" "$n"
        run "$n" "$tool" "$scenario" "$rep"
      done
    done
  done
  [ "$KEEP" = 1 ] || rm -rf "$(site_of sitegen "$n")" "$(site_of hugo "$n")" "$(site_of hugo-lean "$n")" "$ROOT/out" "$ROOT/cache"
done

$BENCH summarize "$RAW" > "$RESULTS/summary.md" || die "summarize failed"
cat "$RESULTS/summary.md"
say "results in $RESULTS"
