#!/usr/bin/env bash
# Time from launching `tutor` to its first full screen, in a real terminal (tmux, 120x40).
# Tutor writes the milliseconds since its process started when the first screen is drawn
# (TUTOR_STARTUP_REPORT). Two cases: against a running sandbox (a cluster configured), and with no
# cluster configured (Tutor starts its sandbox in-process first).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-10}"
work=$(mktemp -d)
session="tutor-bench-$$"
trap 'tmux kill-session -t "$session" 2>/dev/null || true; kill "$sandbox_pid" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet build src/Tutor -c Release -v quiet -nologo >/dev/null
# What `dotnet run` starts (JIT), and an installed build compiled ahead of time (ReadyToRun).
built="$PWD/src/Tutor/bin/Release/net10.0/tutor"
dotnet publish src/Tutor -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/r2r" -v quiet -nologo >/dev/null
published="$work/r2r/tutor"
tutor="$built"
export XDG_STATE_HOME="$work/state"

"$tutor" sandbox --kubeconfig "$work/kubeconfig" >"$work/sandbox.log" 2>&1 &
sandbox_pid=$!
for _ in $(seq 100); do [ -s "$work/kubeconfig" ] && break; sleep 0.1; done

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
measure() { # $1 = KUBECONFIG value ("" for none)
  for i in $(seq "$RUNS"); do
    local report="$work/report-$i"
    rm -f "$report"
    tmux new-session -d -s "$session" -x 120 -y 40 \
      "env XDG_STATE_HOME='$XDG_STATE_HOME' HOME='$work/home' KUBECONFIG='$1' TUTOR_STARTUP_REPORT='$report' '$tutor'"
    for _ in $(seq 200); do [ -s "$report" ] && break; sleep 0.05; done
    tmux send-keys -t "$session" q
    sleep 0.3
    tmux kill-session -t "$session" 2>/dev/null || true
    if [ -s "$report" ]; then cat "$report"; echo; else echo "run $i: no first screen within 10 s" >&2; fi
  done
}
mkdir -p "$work/home"
report() { printf '%-52s median %5s ms over %s runs\n' "$1" "$(grep . "$2" | median)" "$(grep -c . "$2")"; }
for build in built published; do
  tutor="${!build}"
  measure "$work/kubeconfig" >"$work/$build-cluster.txt"
  measure "" >"$work/$build-none.txt"
  report "first screen ($build), cluster configured" "$work/$build-cluster.txt"
  report "first screen ($build), in-process sandbox" "$work/$build-none.txt"
done
echo "goal: <= 300 ms"
