#!/usr/bin/env bash
# ducha vs kanban-rs 0.12.2, side by side: time until the first task title is on
# screen and peak memory, for generated boards of 1,000 / 10,000 / 100,000 tasks,
# both run in tmux at 120x40 with an isolated HOME.  Part of issue 12.
#
#   bench/peers.sh                      # RUNS=7 per size and program
#   RUNS=3 bench/peers.sh               # quicker
#   SIZES="1000 10000" RUNS_100K=3 TIMEOUT=60 POLL=0.005 bench/peers.sh
#
# Needs: cargo, tmux, python3, GNU time (/usr/bin/time).  kanban-rs is installed
# with `cargo install --locked` into bench/.peers (gitignored; PEERS_ROOT to move
# it).  The report goes to standard output, progress to standard error.
set -euo pipefail
export LC_ALL=C.UTF-8 LANG=C.UTF-8

RUNS=${RUNS:-7}
RUNS_100K=${RUNS_100K:-$RUNS}   # runs at sizes >= 100,000
SIZES=${SIZES:-"1000 10000 100000"}
TIMEOUT=${TIMEOUT:-60}          # seconds a program may take to show its first screen
POLL=${POLL:-0.005}             # seconds between two looks at the screen
LINGER=${LINGER:-0.3}           # seconds to stay open after the first screen, before q
TODAY=2017-07-10
KANBAN_VERSION=0.12.2

cd "$(dirname "$0")/.."
PEERS=${PEERS_ROOT:-bench/.peers}
TARGET=${CARGO_TARGET_DIR:-target}
log() { printf '%s\n' "$*" >&2; }

for tool in cargo tmux python3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { log "peers.sh: $tool is needed"; exit 2; }
done

W=$(mktemp -d "${TMPDIR:-/tmp}/ducha-peers.XXXXXX")
SOCK="$W/tmux.sock"
tm() { tmux -S "$SOCK" "$@"; }
cleanup() {
  tm kill-server 2>/dev/null || true
  rm -rf "$W"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- the programs ------------------------------------------------------------
KANBAN="$PEERS/bin/kanban"
if ! "$KANBAN" --version 2>/dev/null | grep -qF "$KANBAN_VERSION"; then
  log "installing kanban-cli $KANBAN_VERSION into $PEERS (once; takes a few minutes)"
  cargo install --locked kanban-cli --version "$KANBAN_VERSION" --root "$PEERS" >&2
fi
log "building ducha (cargo build --release)"
cargo build --release --quiet >&2
DUCHA="$TARGET/release/ducha"
KANBAN=$(cd "$(dirname "$KANBAN")" && pwd)/kanban
DUCHA=$(cd "$(dirname "$DUCHA")" && pwd)/ducha

# --- isolation: every run gets a fresh HOME/XDG dirs and a clean environment ---
cat >"$W/launch" <<'EOF'
#!/usr/bin/env bash
# launch START MEM PID HOME PROGRAM ARGS... : note the start time, then become
# GNU time running PROGRAM in a clean environment with HOME/XDG under HOME.
start=$1 mem=$2 pid=$3 home=$4; shift 4
printf '%s\n' "$$" >"$pid"
printf '%s\n' "${EPOCHREALTIME/[.,]/}" >"$start"
exec /usr/bin/time -v -o "$mem" env -i PATH="$PATH" TERM="$TERM" LANG=C.UTF-8 LC_ALL=C.UTF-8 \
  HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" \
  XDG_STATE_HOME="$home/.local/state" XDG_CACHE_HOME="$home/.cache" TMPDIR="$home/tmp" "$@"
EOF
chmod +x "$W/launch"
printf 'set -g status off\nset -g escape-time 0\n' >"$W/tmux.conf"
tm -f "$W/tmux.conf" new-session -d -s idle -x 120 -y 40 'exec sleep 86400'
exec {NAP}<> <(:)   # `read -t` on this never gets data: a sleep without a fork
nap() { read -r -t "$1" -u "$NAP" _ || true; }

# find_title SCREEN TITLES: the first (longest) whole task title on the screen
find_title() {
  python3 - "$1" "$2" <<'EOF'
import sys
screen = open(sys.argv[1], encoding="utf-8").read().splitlines()
titles = sorted({t for t in open(sys.argv[2], encoding="utf-8").read().splitlines() if t}, key=lambda t: (-len(t), t))
for line in screen:
    for t in titles:
        if t in line:
            print(t)
            sys.exit(0)
sys.exit(1)
EOF
}

SEQ=0
# start_run HOMEPROGRAM ARGS...: opens a 120x40 session, sets RUN_S, RUN_DIR
start_run() {
  SEQ=$((SEQ + 1)); RUN_S="run$SEQ"; RUN_DIR="$W/$RUN_S"
  local home=${SHARED_HOME:-$RUN_DIR/home}
  mkdir -p "$RUN_DIR" "$home/tmp"
  tm new-session -d -s "$RUN_S" -x 120 -y 40 \
    "$W/launch" "$RUN_DIR/start" "$RUN_DIR/mem" "$RUN_DIR/pid" "$home" "$@"
}
# stop_run: q (then y if asked to confirm), else kill; prints peak RSS in KiB or -
stop_run() {
  local i
  for i in $(seq 1 100); do
    tm has-session -t "$RUN_S" 2>/dev/null || break
    # (the session may end between the two tmux calls: hence || true)
    case $i in 1) tm send-keys -t "$RUN_S" q 2>/dev/null || true ;; 20 | 60) tm send-keys -t "$RUN_S" y 2>/dev/null || true ;; esac
    nap 0.05
  done
  if tm has-session -t "$RUN_S" 2>/dev/null; then
    tm kill-session -t "$RUN_S" 2>/dev/null || true
    [[ -s $RUN_DIR/pid ]] && kill -KILL -- "-$(cat "$RUN_DIR/pid")" 2>/dev/null || true
    echo -; rm -rf "$RUN_DIR"; return
  fi
  for i in $(seq 1 40); do [[ -s $RUN_DIR/mem ]] && break; nap 0.05; done
  awk -F': ' '/Maximum resident set size/ {print $2}' "$RUN_DIR/mem" 2>/dev/null | grep . || echo -
  rm -rf "$RUN_DIR"
}

# calibrate TITLES PROGRAM ARGS...: untimed warm-up run; waits for a screen that
# holds a whole task title and stays still for 1 s; prints that title
calibrate() {
  local titles=$1; shift
  start_run "$@"
  local t0=${EPOCHREALTIME/[.,]/} last="" same=0 scr title=""
  while (( ${EPOCHREALTIME/[.,]/} - t0 < TIMEOUT * 1000000 )); do
    nap 0.1
    scr=$(tm capture-pane -p -t "$RUN_S" 2>/dev/null) || break
    if [[ $scr == "$last" ]]; then same=$((same + 1)); else same=0; last=$scr; fi
    if (( same == 10 )) && [[ -n ${scr//[[:space:]]/} ]]; then
      printf '%s\n' "$scr" >"$W/screen"
      title=$(find_title "$W/screen" "$titles") && break
    fi
  done
  stop_run >/dev/null
  printf '%s\n' "$title"
}

# timed MARK PROGRAM ARGS...: prints "MS KIB" (or "timeout -")
timed() {
  local mark=$1; shift
  start_run "$@"
  local t0=${EPOCHREALTIME/[.,]/} t1 scr ok=""
  while :; do
    scr=$(tm capture-pane -p -t "$RUN_S" 2>/dev/null) || scr=""
    t1=${EPOCHREALTIME/[.,]/}
    if [[ $scr == *"$mark"* ]]; then ok=1; break; fi
    (( t1 - t0 > TIMEOUT * 1000000 )) && break
    nap "$POLL"
  done
  if [[ -z $ok ]]; then
    echo "timeout $(stop_run)"; return
  fi
  local start; start=$(cat "$RUN_DIR/start")
  nap "$LINGER"
  local kib; kib=$(stop_run)
  awk -v a="$start" -v b="$t1" -v k="$kib" 'BEGIN { printf "%.1f %s\n", (b - a) / 1000, k }'
}

median() {  # numbers on stdin (non-numbers ignored) -> median or "timeout"
  { grep -E '^[0-9.]+$' || true; } | sort -g | awk '{a[NR] = $1}
    END { if (NR == 0) print "timeout"; else if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}
mib() { awk -v k="$1" 'BEGIN { if (k ~ /^[0-9.]+$/) printf "%.1f", k / 1024; else print k }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a ~ /^[0-9.]+$/ && b ~ /^[0-9.]+$/ && b > 0) printf "%.3f", a / b; else print "-" }'; }

# --- measure -------------------------------------------------------------------
declare -A RES MARK FSIZE NRUNS
for n in $SIZES; do
  runs=$RUNS; (( n >= 100000 )) && runs=$RUNS_100K
  NRUNS[$n]=$runs
  log "== $n tasks: generating boards"
  "$DUCHA" gen --tasks "$n" --today "$TODAY" >"$W/d$n.yaml"
  python3 bench/kanban_json.py "$W/d$n.yaml" "$W/k$n.json" --titles "$W/t$n.txt"
  FSIZE[d$n]=$(stat -c %s "$W/d$n.yaml"); FSIZE[k$n]=$(stat -c %s "$W/k$n.json")
  # ducha: a fresh HOME every run (cold: the YAML is parsed); ducha_warm: one HOME for all runs
  # of a size, so the snapshot the warm-up run leaves is there (a board opened before).
  for prog in ducha ducha_warm kanban; do
    SHARED_HOME=""
    if [[ $prog == ducha* ]]; then
      src="$W/d$n.yaml" board="$W/board.yaml"; argv=("$DUCHA" "$board" --today "$TODAY")
      [[ $prog == ducha_warm ]] && SHARED_HOME="$W/warm$n"
    else
      src="$W/k$n.json" board="$W/board.json"; argv=("$KANBAN" "$board")
    fi
    log "   $prog: warm-up, finding a title on its first screen"
    cp "$src" "$board"   # a fresh copy for every run: nothing carries over
    calibrate "$W/t$n.txt" "${argv[@]}" >"$W/mark"
    mark=$(cat "$W/mark")
    MARK[$prog$n]=${mark:-"(none within ${TIMEOUT}s)"}
    times=() mems=()
    if [[ -n $mark ]]; then
      for r in $(seq 1 "$runs"); do
        cp "$src" "$board"
        timed "$mark" "${argv[@]}" >"$W/res"
        read -r ms kib <"$W/res" || { ms=error kib=-; }
        log "   $prog run $r/$runs: $ms ms, $kib KiB"
        times+=("$ms"); mems+=("$kib")
        [[ $ms == timeout ]] && break   # no use waiting for it again
      done
    fi
    RES[t$prog$n]=$(printf '%s\n' "${times[@]}" | median)
    RES[m$prog$n]=$(printf '%s\n' "${mems[@]}" | median)
    rm -f "$board"
  done
  SHARED_HOME=""
  rm -rf "$W/d$n.yaml" "$W/k$n.json" "$W/warm$n"
done

# --- report ----------------------------------------------------------------------
cpu=$(awk -F': *' '/^model name/ {print $2; exit}' /proc/cpuinfo)
cores=$(grep -c '^processor' /proc/cpuinfo)
rev=$(git rev-parse --short HEAD 2>/dev/null || echo '?')
[[ -n $(git status --porcelain -- src Cargo.toml Cargo.lock 2>/dev/null) ]] && rev="$rev+uncommitted"
echo "ducha ($rev) vs kanban-rs $KANBAN_VERSION: first screen and peak memory, tmux 120x40"
echo "machine: ${cpu:-unknown CPU}, $cores logical cores (nproc $(nproc)), $(uname -sr), load avg at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "runs: $RUNS per size and program$( [[ $RUNS_100K != "$RUNS" ]] && echo ", $RUNS_100K at 100,000" ), after 1 untimed warm-up; medians; time limit ${TIMEOUT}s"
echo "time: from the launcher's exec (inside the tmux pane) until capture-pane shows the title; polled every ${POLL}s"
echo "memory: peak RSS (GNU time -v 'Maximum resident set size') of the whole run: start, first screen, ${LINGER}s, q"
echo
printf '%8s | %9s %9s %10s %6s %6s | %9s %9s %10s %6s %6s | %8s\n' tasks "cold ms" "warm ms" "kanban ms" cold warm \
  "cold MiB" "warm MiB" "kanban MiB" cold warm "YAML MiB"
printf '%s\n' "---------+------------------------------------------------+------------------------------------------------+---------"
for n in $SIZES; do
  tc=${RES[tducha$n]} tw=${RES[tducha_warm$n]} tk=${RES[tkanban$n]}
  mc=${RES[mducha$n]} mw=${RES[mducha_warm$n]} mk=${RES[mkanban$n]}
  printf '%8s | %9s %9s %10s %6s %6s | %9s %9s %10s %6s %6s | %8s\n' "$n" "$tc" "$tw" "$tk" \
    "$(ratio "$tc" "$tk")" "$(ratio "$tw" "$tk")" "$(mib "$mc")" "$(mib "$mw")" "$(mib "$mk")" \
    "$(ratio "$mc" "$mk")" "$(ratio "$mw" "$mk")" "$(mib $((FSIZE[d$n] / 1024)))"
done
echo "(cold: ducha reads the YAML; warm: the board was opened before, and its snapshot is read)"
echo "(ratio = ducha / kanban-rs; below 1 means ducha is faster / smaller)"
for n in $SIZES; do
  if (( n == 100000 )); then
    for kind in ducha ducha_warm; do
      md=${RES[m$kind$n]}
      [[ $md == timeout ]] && peak="timeout" || peak="$(mib "$md") MiB = $(ratio "$md" $((FSIZE[d$n] / 1024))) x file size"
      echo "$kind at 100,000 tasks: file $(mib $((FSIZE[d$n] / 1024))) MiB, peak memory $peak"
    done
  fi
done
echo "first-screen titles waited for:"
for n in $SIZES; do echo "  $n: ducha \"${MARK[ducha$n]}\", kanban-rs \"${MARK[kanban$n]}\""; done
