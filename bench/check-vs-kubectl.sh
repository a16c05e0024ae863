#!/usr/bin/env bash
# `tutor check 120` from start to exit, side by side with a kubectl-per-check script,
# both against the same sandbox with lesson 120 solved. Prints the median of RUNS runs of each.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-10}"
work=$(mktemp -d)
trap 'kill "$sandbox_pid" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet build src/Tutor -c Release -v quiet -nologo >/dev/null
tutor=src/Tutor/bin/Release/net10.0/tutor
# The same code compiled ahead of time, as an installed tutor would be.
dotnet publish src/Tutor -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/r2r" -v quiet -nologo >/dev/null
published="$work/r2r/tutor"
export XDG_STATE_HOME="$work/state"

"$tutor" sandbox --kubeconfig "$work/kubeconfig" >"$work/sandbox.log" 2>&1 &
sandbox_pid=$!
for _ in $(seq 100); do [ -s "$work/kubeconfig" ] && break; sleep 0.1; done
export KUBECONFIG="$work/kubeconfig"

"$tutor" solve 120 >/dev/null
"$tutor" check 120 --wait 60 >/dev/null

now_ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
time_runs() {
  for _ in $(seq "$RUNS"); do
    local start; start=$(now_ms)
    "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
    echo $(( $(now_ms) - start ))
  done
}

# kubectl keeps a discovery cache; give it a warm one as a learner's machine would have.
kubectl --cache-dir "$work/kube-cache" get ns >/dev/null
tutor_ms=$(time_runs "$tutor" check 120 | median)
published_ms=$(time_runs "$published" check 120 | median)
kubectl_ms=$(KUBECACHEDIR="$work/kube-cache" time_runs bench/check-120-kubectl.sh | median)

printf 'tutor check 120, JIT build (6 checks)       median %5s ms over %s runs\n' "$tutor_ms" "$RUNS"
printf 'tutor check 120, ReadyToRun publish         median %5s ms over %s runs\n' "$published_ms" "$RUNS"
printf 'kubectl, one call per check (6 calls)       median %5s ms over %s runs\n' "$kubectl_ms" "$RUNS"
awk -v t="$tutor_ms" -v p="$published_ms" -v k="$kubectl_ms" 'BEGIN { printf "ratio tutor/kubectl: %.2f (JIT), %.2f (ReadyToRun); goal <= 0.50\n", t / k, p / k }'
