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

run() {  # kind class expected(clean|caught) [topology]
  local layer=$1 class=$2 expected=$3 log="$OUT/${2##*.}.txt" rc got topology=()
  [[ -n ${4:-} ]] && topology=(--topology "$4")
  "$ROOT/wakepath" check "$MODE" --target "$layer=$class" "${topology[@]}" --classpath "$JAR" --out "$OUT/${2##*.}" \
    >"$log" 2>&1
  rc=$?
  case $rc in 0) got=clean ;; 1) got=caught ;; *) got="error (exit $rc)" ;; esac
  printf '%-14s %-52s %-7s expected %-7s %s\n' "$layer" "$class" "$got" "$expected" \
    "$(grep -E '^  (RACE|HUNG|ERROR) ' "$log" | awk '{printf "%s%s", (n++ ? ", " : "caught by: "), $3}')"
  [[ $got == "$expected" ]]
}

killed=0; mutants=0; false_alarms=0; controls=0
# KIND:CLASS[:TOPOLOGY]; the examples' jar holds JCTools, Agrona and the Disruptor too
for spec in ring:com.example.wakepath.SpscArrayRing ring:com.example.wakepath.JctoolsMpmcRing \
            ring:com.example.wakepath.JctoolsSpscRing ring:com.example.wakepath.AgronaSpscRing \
            ring:com.example.wakepath.LockedBroadcastRing \
            queue:org.jctools.queues.SpscArrayQueue:spsc \
            waitqueue:com.example.wakepath.ParkingWaitQueue waitqueue:com.example.wakepath.LockWaitQueue \
            wait-strategy:com.lmax.disruptor.BlockingWaitStrategy \
            wait-strategy:com.lmax.disruptor.TimeoutBlockingWaitStrategy \
            wait-strategy:com.example.wakepath.ParkingWaitStrategy \
            blocking-queue:com.example.wakepath.LockedBlockingQueue poll:com.example.wakepath.ReadyDequePoll \
            driver:com.example.wakepath.BatchingDriver; do
  controls=$((controls + 1))
  IFS=: read -r kind class topology <<<"$spec"
  run "$kind" "$class" clean "$topology" || false_alarms=$((false_alarms + 1))
done
for spec in ring:com.example.wakepath.EarlyPublishRing ring:com.example.wakepath.mutants.EagerReleaseRing \
            ring:com.example.wakepath.mutants.EagerWideReleaseRing \
            ring:com.example.wakepath.mutants.PlainTailRing ring:com.example.wakepath.mutants.CachedTailRing \
            ring:com.example.wakepath.mutants.ClaimedSizeRing \
            ring:com.example.wakepath.mutants.LossFlagRing ring:com.example.wakepath.mutants.ReadyIgnoresLossRing \
            ring:com.example.wakepath.mutants.DatagramBytesRing ring:com.example.wakepath.mutants.LapToNewestRing \
            waitqueue:com.example.wakepath.mutants.NoFenceWakeQueue \
            waitqueue:com.example.wakepath.mutants.CheckBeforeRegisterQueue \
            waitqueue:com.example.wakepath.mutants.SleeperCountQueue \
            waitqueue:com.example.wakepath.mutants.TimedSwallowQueue \
            waitqueue:com.example.wakepath.mutants.TimedLateWakeQueue \
            waitqueue:com.example.wakepath.mutants.InterruptRaceQueue \
            waitqueue:com.example.wakepath.mutants.NewestFirstQueue \
            waitqueue:com.example.wakepath.mutants.CountEveryWakeQueue \
            waitqueue:com.example.wakepath.mutants.SpentOnRunningQueue \
            poll:com.example.wakepath.mutants.CachedReadinessPoll poll:com.example.wakepath.mutants.LateUnlinkPoll \
            poll:com.example.wakepath.mutants.OneShotRearmedPoll poll:com.example.wakepath.mutants.NoRequeuePoll \
            poll:com.example.wakepath.mutants.AskedEventsOnlyPoll poll:com.example.wakepath.mutants.EarlyReturnPoll \
            blocking-queue:com.example.wakepath.mutants.UnlockedLookBlockingQueue \
            blocking-queue:com.example.wakepath.mutants.InterruptDropsBlockingQueue \
            blocking-queue:com.example.wakepath.mutants.StoreAfterUnlockBlockingQueue \
            driver:com.example.wakepath.mutants.BudgetDriver; do
  mutants=$((mutants + 1))
  run "${spec%%:*}" "${spec#*:}" caught && killed=$((killed + 1))
done
echo "kill rate: $killed of $mutants mutants caught; false alarms on correct classes: $false_alarms of $controls (logs: $OUT)"
[[ $killed -eq $mutants && $false_alarms -eq 0 ]]
