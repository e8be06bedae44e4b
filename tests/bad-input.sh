#!/usr/bin/env bash
# The bad-input sweep: every command, every option, wrong values. Each must be refused with one line on stderr
# (wakepath: ...), exit 2, no stack trace, and before any work (most fail before a VM is forked: a few seconds in all).
# Run by tests/launcher.sh; alone: bash tests/bad-input.sh
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
W="$ROOT/wakepath"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
touch "$tmp/a-file"
mkdir -p "$tmp/old-report"; echo '{"version": 0, "rows": []}' >"$tmp/old-report/results.json"
EX="$ROOT/examples/target/wakepath-examples.jar"

tried=0; failed=0
# expect MESSAGE-START -- ARGS...: one line starting with "wakepath: MESSAGE-START", exit 2, no trace
expect() {
  local want=$1; shift; shift
  tried=$((tried + 1))
  "$W" "$@" >"$tmp/out" 2>"$tmp/err"
  local rc=$?
  if [[ $rc -eq 2 && "$(wc -l <"$tmp/err")" -eq 1 ]] && grep -q -- "^wakepath: $want" "$tmp/err" \
     && ! grep -q "Exception\|	at \|at io\.\|at java\." "$tmp/err" "$tmp/out"; then
    return 0
  fi
  failed=$((failed + 1))
  echo "  FAIL wakepath $* -> exit $rc, stderr: $(head -c 300 "$tmp/err")"
}

# list
expect "unknown option '--yaml'" -- list --yaml
expect "option --json of 'list' takes no value" -- list --json=yes
# diagnose: every option
expect "unknown ring strategy 'nope'" -- diagnose --ring nope
expect "unknown wait-queue strategy 'nope'" -- diagnose --waitqueue nope
expect "unknown poll strategy 'nope'" -- diagnose --poll nope
expect "unknown driver" -- diagnose --driver nope
expect "unknown --framing 'nope'" -- diagnose --framing nope
expect "ring mpmc-sequence does not support byte-stream framing" -- diagnose --framing bytes
expect "--framing bytes takes one reader" -- diagnose --ring monitor-locked --framing bytes --readers 4
expect "ring capacity must be a power of two" -- diagnose --capacity 3
expect "--capacity must be between" -- diagnose --capacity -4
expect "--capacity must be between" -- diagnose --capacity 99999999999
expect "--capacity needs a whole number" -- diagnose --capacity lots
expect "option --capacity of 'diagnose' needs a value" -- diagnose --capacity
expect "unknown overflow policy 'nope'" -- diagnose --overflow nope
expect "unknown read mode 'nope'" -- diagnose --read nope
expect "--readers must be between" -- diagnose --readers 0
expect "--readers must be between" -- diagnose --readers 20000
expect "more than 256 readers need --virtual" -- diagnose --readers 300 --ring mpmc-sequence
expect "unknown pattern 'nope'" -- diagnose --pattern nope
expect "--rate needs a number per second" -- diagnose --rate fast
expect "--rate must be between" -- diagnose --rate 0
expect "--rate must be between" -- diagnose --rate 1e12
expect "--burst goes with --pattern bursts" -- diagnose --burst 5
expect "--duration needs a time" -- diagnose --duration soon
expect "--duration must be between" -- diagnose --duration 0s
expect "--duration must be between" -- diagnose --duration 99h
expect "--duration needs a time" -- diagnose --duration ""
expect "--seed needs a whole number" -- diagnose --seed x
expect "unknown line 'nope'" -- diagnose --line nope
expect "--fifo must be between" -- diagnose --fifo 0
expect "--neighbours must be between" -- diagnose --neighbours 9
expect "--stall must be between" -- diagnose --stall 1ms
expect "--batch must be between" -- diagnose --batch 0
expect "--closed-loop must be between" -- diagnose --closed-loop 99999
expect "--closed-loop replaces --pattern" -- diagnose --closed-loop 1 --rate 5k
expect "--signals must be between" -- diagnose --signals -1
expect "--timeout: the range must go from the shorter" -- diagnose --timeout 2s-1s
expect "--timeout needs a time" -- diagnose --timeout never
expect "--out /proc/" -- diagnose --out /proc/wakepath-nope
expect "--out $tmp/a-file: is a file, not a folder" -- diagnose --out "$tmp/a-file"
expect "unexpected argument 'extra'" -- diagnose extra
# check
expect "--only is not a valid regular expression" -- check --only '['
expect "no strategy id matches --only" -- check --only nothing-matches-this
expect "--target needs KIND=CLASS" -- check --target ring
expect "unknown --target kind 'nolayer'" -- check --target nolayer=x.Y
expect "--classpath goes with --target" -- check --classpath "$EX"
expect "--quick and --full exclude each other" -- check --quick --full
expect "--jvm-arg: the VM refuses these options" -- check --only spsc-stamped --jvm-arg=-XX:+NoSuchOption
expect "--jvm-arg '-Dx=a b': one option per --jvm-arg" -- check --only spsc-stamped --jvm-arg "-Dx=a b"
expect "--jvm-arg 'Xmx1g' is not a VM option" -- check --only spsc-stamped --jvm-arg Xmx1g
expect "--out /proc/" -- check --only spsc-stamped --out /proc/wakepath-nope
expect "--out $tmp/a-file: is a file, not a folder" -- check --only spsc-stamped --out "$tmp/a-file"
expect "--classpath entry not found" -- check --target ring=x.Y --classpath "$tmp/missing.jar"
expect "class com.example.NoSuchRing not found" -- check --target ring=com.example.NoSuchRing --classpath "$EX"
EXONLY=$(ls "$ROOT"/examples/target/examples-*.jar | grep -v sources | head -n 1)   # without the jars they need
expect "com.example.wakepath.JctoolsMpmcRing needs classes that are not on --classpath" -- \
    check --target ring=com.example.wakepath.JctoolsMpmcRing --classpath "$EXONLY"
expect "com.example.wakepath.ParkingWaitStrategy needs classes that are not on --classpath" -- \
    check --target wait-strategy=com.example.wakepath.ParkingWaitStrategy --classpath "$EXONLY"
# the kinds that need no adapter: not of the kind, no usable constructor, topologies
expect "java.lang.String does not implement java.util.Queue" -- check --target queue=java.lang.String
expect "java.util.ArrayList does not implement java.util.concurrent.BlockingQueue" -- \
    check --target blocking-queue=java.util.ArrayList
expect "com.example.wakepath.SpscArrayRing does not implement com.lmax.disruptor.WaitStrategy" -- \
    check --target wait-strategy=com.example.wakepath.SpscArrayRing --classpath "$EX"
expect "wait-strategy= needs the LMAX Disruptor 4 on --classpath" -- check --target wait-strategy=java.lang.Thread
expect "java.util.concurrent.SynchronousQueue made for 2 elements accepted only 0" -- \
    check --target blocking-queue=java.util.concurrent.SynchronousQueue
expect "java.util.concurrent.DelayQueue refused the plain objects" -- check --target queue=java.util.concurrent.DelayQueue
expect "java.util.AbstractQueue must be a public, concrete class" -- check --target queue=java.util.AbstractQueue
expect "unknown topology 'lifo'" -- check --target queue=java.util.concurrent.ConcurrentLinkedQueue --topology lifo
expect "--topology does not apply to --target ring=" -- \
    check --target ring=com.example.wakepath.SpscArrayRing --classpath "$EX" --topology spsc
expect "--topology goes with --target" -- check --topology spsc
expect "--peers checks the peers alone: not with --target" -- \
    check --peers --target queue=java.util.concurrent.ConcurrentLinkedQueue
expect "--peers checks the peers alone: not with --only" -- check --peers --only spsc
expect "com.example.wakepath.SpscArrayRing does not extend io.wakepath.irq.driver.CharDriver" -- \
    check --target driver=com.example.wakepath.SpscArrayRing --classpath "$EX"
expect "io.wakepath.irq.driver.CharDriver must be a public, concrete class" -- check --target driver=io.wakepath.irq.driver.CharDriver
# bench
expect "--only is not a valid regular expression" -- bench --only '('
expect "no strategy id matches --only" -- bench --only nothing-matches-this
expect "unknown family 'nope'" -- bench --family nope
expect "--out /proc/" -- bench --out /proc/wakepath-nope --family ledger --quick
expect "--out $tmp/a-file: is a file, not a folder" -- bench --out "$tmp/a-file"
expect "option --quick of 'bench' takes no value" -- bench --quick=1
expect "--jvm-arg: the VM refuses these options: Unrecognized VM option 'NoSuchWakepathFlag'" -- bench --quick --jvm-arg -XX:+NoSuchWakepathFlag
expect "--jvm-arg 'UseCompressedOops' is not a VM option" -- bench --jvm-arg UseCompressedOops
# report
expect "unknown option '--frob' for 'report'" -- report --frob
expect "--out /proc/wakepath-nope: cannot write there" -- report --out /proc/wakepath-nope
expect "--out $tmp/a-file: is a file, not a folder" -- report --out "$tmp/a-file"
expect "--compare: no results.json" -- report --compare "$tmp/none"
expect "--compare: .* is not a wakepath report" -- report --compare "$tmp/old-report"
expect "--out needs a folder" -- report --out
# soak
expect "--duration must be between" -- soak --duration 0s
expect "--duration needs a time" -- soak --duration forever
expect "--run must be between" -- soak --run 1ms
expect "--seed needs a whole number" -- soak --seed x
expect "--out /proc/" -- soak --out /proc/wakepath-nope
# test, and no command
expect "unknown option '--frob' for 'test'" -- test --frob
expect "unknown command 'frob'" -- frob

echo "bad-input sweep: $((tried - failed)) of $tried refused with one line and exit 2"
[[ $failed -eq 0 ]]
