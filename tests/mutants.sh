#!/usr/bin/env bash
# The catalogue's power on bugs it was not written for: runs 'wakepath check --target' on every mutant in
# examples/ (buggy variants that are not in the registry) and on the correct examples, and prints the kill rate.
# Not part of CI (20-60 s per class); run it after changing the catalogue:  bash tests/mutants.sh [--full]
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/examples/target/wakepath-examples.jar"
MODE=${1:---quick}
"$ROOT/wakepath" list >/dev/null || exit 2             # builds everything, examples included
OUT="$ROOT/target/wakepath/mutants"
rm -rf "$OUT"; mkdir -p "$OUT"

run() {  # layer class expected(clean|caught)
  local layer=$1 class=$2 expected=$3 log="$OUT/${2##*.}.txt" rc got
  "$ROOT/wakepath" check "$MODE" --target "$layer=$class" --classpath "$JAR" --out "$OUT/${2##*.}" >"$log" 2>&1
  rc=$?
  case $rc in 0) got=clean ;; 1) got=caught ;; *) got="error (exit $rc)" ;; esac
  printf '%-8s %-52s %-7s expected %-7s %s\n' "$layer" "$class" "$got" "$expected" \
    "$(grep -E '^  (RACE|HUNG|ERROR) ' "$log" | awk '{printf "%s%s", (n++ ? ", " : "caught by: "), $3}')"
  [[ $got == "$expected" ]]
}

killed=0; mutants=0; false_alarms=0; controls=0
for spec in ring:com.example.wakepath.SpscArrayRing ring:com.example.wakepath.JctoolsMpmcRing \
            ring:com.example.wakepath.JctoolsSpscRing ring:com.example.wakepath.AgronaSpscRing \
            waitqueue:com.example.wakepath.ParkingWaitQueue waitqueue:com.example.wakepath.DisruptorWaitQueue \
            waitqueue:com.example.wakepath.DisruptorTimeoutWaitQueue poll:com.example.wakepath.ReadyDequePoll; do
  controls=$((controls + 1))
  run "${spec%%:*}" "${spec#*:}" clean || false_alarms=$((false_alarms + 1))
done
for spec in ring:com.example.wakepath.EarlyPublishRing ring:com.example.wakepath.mutants.EagerReleaseRing \
            ring:com.example.wakepath.mutants.PlainTailRing ring:com.example.wakepath.mutants.CachedTailRing \
            ring:com.example.wakepath.mutants.ClaimedSizeRing \
            waitqueue:com.example.wakepath.mutants.NoFenceWakeQueue \
            waitqueue:com.example.wakepath.mutants.CheckBeforeRegisterQueue \
            waitqueue:com.example.wakepath.mutants.SleeperCountQueue \
            waitqueue:com.example.wakepath.mutants.TimedSwallowQueue \
            waitqueue:com.example.wakepath.mutants.TimedLateWakeQueue \
            waitqueue:com.example.wakepath.mutants.InterruptRaceQueue \
            poll:com.example.wakepath.mutants.CachedReadinessPoll poll:com.example.wakepath.mutants.LateUnlinkPoll; do
  mutants=$((mutants + 1))
  run "${spec%%:*}" "${spec#*:}" caught && killed=$((killed + 1))
done
echo "kill rate: $killed of $mutants mutants caught; false alarms on correct classes: $false_alarms of $controls (logs: $OUT)"
[[ $killed -eq $mutants && $false_alarms -eq 0 ]]
