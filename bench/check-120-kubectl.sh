#!/usr/bin/env bash
# The way browser labs verify a step: one kubectl call per check, compared in the shell.
# Checks the same six things as `tutor check 120`. Exit 0 when all pass, 1 otherwise.
set -u
ns="${1:-tutor}"
failed=0
pass() { printf 'PASS %s\n' "$1"; }
fail() { printf 'FAIL %s\n' "$1"; failed=1; }

# step 1
if kubectl get pod vote -n "$ns" -o json >/dev/null 2>&1; then fail "bare vote Pod is gone"; else pass "bare vote Pod is gone"; fi

labels=$(kubectl get deployment vote -n "$ns" -o jsonpath='{.spec.selector.matchLabels.app}/{.spec.selector.matchLabels.tier}/{.spec.template.metadata.labels.app}/{.spec.template.metadata.labels.tier}' 2>/dev/null)
[ "$labels" = "vote/frontend/vote/frontend" ] && pass "selector matches template" || fail "selector matches template"

if kubectl rollout status deployment/vote -n "$ns" --timeout=1s >/dev/null 2>&1; then pass "rolled out"; else fail "rolled out"; fi

# step 2
counts=$(kubectl get deployment vote -n "$ns" -o jsonpath='{.spec.replicas} {.status.readyReplicas}' 2>/dev/null)
read -r want ready <<<"$counts"
[ "${want:-0}" = 3 ] && [ "${ready:-0}" -ge 3 ] && pass "3 replicas, 3 ready" || fail "3 replicas, 3 ready"

if kubectl rollout status deployment/vote -n "$ns" --timeout=1s >/dev/null 2>&1; then pass "rolled out"; else fail "rolled out"; fi

running=$(kubectl get pods -n "$ns" -l app=vote,tier=frontend --field-selector=status.phase=Running -o name 2>/dev/null | wc -l)
[ "$running" -ge 3 ] && pass "three vote Pods Running" || fail "three vote Pods Running"

exit "$failed"
