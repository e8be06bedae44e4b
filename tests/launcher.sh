#!/usr/bin/env bash
# Tests of ./wakepath itself: commands, exit codes, one-line errors, and finding a JDK 21+ by itself.
# Run by './wakepath test' after the build (the jars exist). Needs JAVA_HOME set to a JDK 21+ (the launcher sets it).
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
W="$ROOT/wakepath"
failures=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

check() { # description, then a command that must succeed; a failure shows the end of what the last run printed
  local what=$1; shift
  if "$@"; then echo "  ok   $what"; return; fi
  echo "  FAIL $what (exit $(cat "$tmp/rc" 2>/dev/null)); the run's last lines:"
  tail -n 25 "$tmp/out" "$tmp/err" 2>/dev/null | sed 's/^/       /'
  failures=$((failures + 1))
}

# runs the launcher, keeping exit code, stdout and stderr
run() { "$@" >"$tmp/out" 2>"$tmp/err"; echo $? >"$tmp/rc"; }
rc() { [[ "$(cat "$tmp/rc")" == "$1" ]]; }
one_line_error() { [[ "$(wc -l <"$tmp/err")" -eq 1 ]] && grep -q "^wakepath: $1" "$tmp/err" && ! grep -q "Exception\|at io\.\|at java\." "$tmp/err"; }

echo "launcher tests"
run "$W" --help;               check "--help exits 0 and lists the commands" eval 'rc 0 && grep -q "list \[--json\]" "$tmp/out" && grep -q "^  test" "$tmp/out"'
run "$W";                      check "no command exits 2" rc 2
run "$W" frob;                 check "unknown command: one line, exit 2" eval 'rc 2 && one_line_error "unknown command '"'"'frob'"'"'"'
run "$W" list --yaml;          check "unknown option of list: one line, exit 2" eval 'rc 2 && one_line_error "unknown option '"'"'--yaml'"'"' for '"'"'list'"'"'"'
run "$W" bench --only '[';     check "bad regex for bench: one line, exit 2" eval 'rc 2 && one_line_error "--only is not a valid regular expression"'
run "$W" bench --only nothing; check "bench --only matching nothing: one line, exit 2" eval 'rc 2 && one_line_error "no strategy id matches"'
run "$W" test --frob;          check "unknown option of test: one line, exit 2" eval 'rc 2 && one_line_error "unknown option"'
run "$W" list --help;          check "list --help exits 0" eval 'rc 0 && grep -q -- "--json" "$tmp/out"'
run "$W" diagnose --help;      check "diagnose --help exits 0 and names the options" eval 'rc 0 && grep -q -- "--driver ID" "$tmp/out"'
run "$W" diagnose --ring nope; check "diagnose with an unknown ring: one line, exit 2" eval 'rc 2 && one_line_error "unknown ring strategy '"'"'nope'"'"'"'
run "$W" diagnose --readers 2 --ring spsc-release-acquire
check "diagnose: more readers than the ring allows: one line, exit 2" eval 'rc 2 && one_line_error "ring spsc-release-acquire has a single consumer"'
run "$W" diagnose --duration soon; check "diagnose with a bad duration: one line, exit 2" eval 'rc 2 && one_line_error "--duration needs a time"'
run "$W" diagnose --duration 300ms --out "$tmp/diag"
check "diagnose of a correct composition: 8 PASS, exit 0, diagnose.json written" eval 'rc 0 && grep -q "result: 8 PASS" "$tmp/out" && python3 -c "
import json; d = json.load(open(\"$tmp/diag/diagnose.json\")); assert d[\"exit\"] == 0 and len(d[\"checks\"]) == 8 and d[\"ledger\"][\"conservation\"][\"holds\"]"'
run "$W" diagnose --driver broken-wake-before-update --duration 300ms --json --out "$tmp/diag2"
check "diagnose of a broken driver: exit 1, the right check fails, JSON on stdout" eval 'rc 1 && python3 -c "
import json; d = json.load(open(\"$tmp/out\")); assert [c[\"id\"] for c in d[\"checks\"] if c[\"outcome\"] == \"FAIL\"] == [\"state-before-wake\"]"'

run "$W" list --json
check "list --json is JSON with at least 7 ring strategies and the documented fields" eval 'rc 0 && python3 -c "
import json, sys
rows = json.load(open(\"$tmp/out\"))
rings = [r for r in rows if r[\"layer\"] == \"ring\"]
assert len(rings) >= 7, len(rings)
assert all({\"id\", \"layer\", \"correct\", \"bugClass\", \"description\"} <= r.keys() for r in rows)
assert any(not r[\"correct\"] and r[\"bugClass\"] for r in rings)
"'

# check --target: a user's class through the catalogue. Bad input first (one line, exit 2, nothing runs).
EX="$ROOT/examples/target/wakepath-examples.jar"
run "$W" check --target ring=com.example.NoSuchRing --classpath "$EX"
check "check --target with a class that is not there: one line, exit 2" eval 'rc 2 && one_line_error "class com.example.NoSuchRing not found"'
run "$W" check --target ring=com.example.wakepath.ParkingWaitQueue --classpath "$EX"
check "check --target with a class that does not implement the layer: one line, exit 2" eval 'rc 2 && one_line_error "com.example.wakepath.ParkingWaitQueue does not implement io.wakepath.ring.Ring"'
run "$W" check --target ring=com.example.wakepath.SpscArrayRing --classpath "$tmp/missing.jar"
check "check --target with a missing jar: one line, exit 2" eval 'rc 2 && one_line_error "--classpath entry not found"'
run "$W" check --target ring=x.Y --only spsc
check "check: --target and --only together: one line, exit 2" eval 'rc 2 && one_line_error "--only selects registered strategies"'
run "$W" check --only spsc-stamped --jvm-arg=-XX:+NoSuchOption
check "check --jvm-arg the VM refuses: one line, exit 2, before any work" eval 'rc 2 && one_line_error "--jvm-arg: the VM refuses these options"'
run "$W" check --only spsc-stamped --jvm-arg "-Dx=a b"
check "check --jvm-arg with a space: one line, exit 2" eval 'rc 2 && one_line_error "--jvm-arg"'
run "$W" check --only nothing-matches-this
check "check: --only matching nothing: one line, exit 2" eval 'rc 2 && one_line_error "no strategy id matches"'
# The README's buggy ring (EarlyPublishRing) caught and the correct one (SpscArrayRing) clean, with junit.xml failing the
# class and races.sarif placing the race at the write in EarlyPublishRing.java: examples' CheckFromJUnitTest, through
# the JUnit 5 entry point, which runs the same check. (A --target caught through the launcher, exit 1: below.)
# the kinds that need no adapter: a JDK blocking queue as it is, and a user's BlockingQueue that loses an element
run "$W" check --target blocking-queue=java.util.concurrent.ArrayBlockingQueue --out "$tmp/abq"
check "check --target blocking-queue= on the JDK's ArrayBlockingQueue, no class path, no adapter: clean (exit 0)" eval 'rc 0 && grep -q "1 correct clean" "$tmp/out"'
run "$W" check --target blocking-queue=com.example.wakepath.mutants.InterruptDropsBlockingQueue --classpath "$EX" --out "$tmp/drops"
check "check --target blocking-queue= on a queue whose interrupted take drops the element: caught, by the interrupt property" eval 'rc 1 && grep -q "^  RACE com.example.wakepath.mutants.InterruptDropsBlockingQueue BlockingQueueInterruptStress" "$tmp/out"'
run "$W" check --target driver=com.example.wakepath.BatchingDriver --classpath "$EX" --out "$tmp/driver"
check "check --target driver= on a user's correct driver: clean (exit 0)" eval 'rc 0 && grep -q "1 correct clean" "$tmp/out"'
run "$W" check --target driver=com.example.wakepath.mutants.BudgetDriver --classpath "$EX" --out "$tmp/budget"
check "check --target driver= on a driver that strands samples past its budget: caught by the chain" eval 'rc 1 && grep -q "^  RACE com.example.wakepath.mutants.BudgetDriver chain:.*data-buffered" "$tmp/out"'

# report: its options are checked before the 8-minute run starts.
run "$W" report --help;             check "report --help exits 0 and names the options" eval 'rc 0 && grep -q -- "--compare DIR" "$tmp/out"'
run "$W" report --frob;             check "report with an unknown option: one line, exit 2" eval 'rc 2 && one_line_error "unknown option '"'"'--frob'"'"' for '"'"'report'"'"'"'
run "$W" report --compare "$tmp/none"
check "report --compare without an earlier report: one line, exit 2, nothing run" eval 'rc 2 && one_line_error "--compare: no results.json"'

# A fake Java 17 first on PATH, JAVA_HOME unset: the launcher must find a JDK 21+ in the folders it searches.
mkdir -p "$tmp/old/bin" "$tmp/jdks"
printf '#!/bin/sh\necho "openjdk version \\"17.0.2\\" 2022-01-18" >&2\n' >"$tmp/old/bin/java"
cp "$tmp/old/bin/java" "$tmp/old/bin/javac"
chmod +x "$tmp/old/bin/java" "$tmp/old/bin/javac"
ln -s "$JAVA_HOME" "$tmp/jdks/a-new-jdk"
run env -u JAVA_HOME PATH="$tmp/old/bin:/usr/bin:/bin" WAKEPATH_JDK_DIRS="$tmp/jdks" "$W" list
check "finds a JDK 21+ in the usual folders when PATH has only Java 17" eval 'rc 0 && grep -q spsc-release-acquire "$tmp/out"'
run env JAVA_HOME="$tmp/old" PATH="$tmp/old/bin:/usr/bin:/bin" WAKEPATH_JDK_DIRS="$tmp/jdks" "$W" list
check "skips a JAVA_HOME that is too old for one that is new enough" eval 'rc 0'
run env -u JAVA_HOME PATH="$tmp/old/bin:/usr/bin:/bin" WAKEPATH_JDK_DIRS="$tmp/none" "$W" list
check "no JDK 21+ anywhere: one line saying what it needs, exit 2" eval 'rc 2 && one_line_error "needs a JDK 21 or newer" && grep -q "17" "$tmp/err"'

# Environments that add a line to the JVM's output before its version: the launcher still finds the JDK.
for var in JAVA_TOOL_OPTIONS JDK_JAVA_OPTIONS _JAVA_OPTIONS; do
  run env "$var=-Dwakepath.env.probe=1" "$W" list
  check "$var set: the launcher identifies the JDK and runs" eval 'rc 0 && grep -q spsc-release-acquire "$tmp/out"'
done
# ... and its effect reaches the VMs check forks (they inherit the environment, as the user meant).
run env JAVA_TOOL_OPTIONS=-Dwakepath.env.probe=1 "$W" check --target ring=com.example.wakepath.SpscArrayRing \
    --classpath "$EX" --out "$tmp/env"
check "JAVA_TOOL_OPTIONS reaches check's forked VMs, and the verdict stands" eval 'rc 0 && grep -q "Picked up JAVA_TOOL_OPTIONS" "$tmp/env/ring/com.example.wakepath.SpscArrayRing/chain-console.txt"'

# Ctrl-C during check: the run and every VM it started end (exit 130), and the partial verdicts say so. Started from
# Python: a background job of a script has SIGINT ignored, and a JVM started so never sees Ctrl-C.
python3 - "$W" "$tmp" <<'PY' >"$tmp/ctrlc" 2>&1; echo $? >"$tmp/rc"
import os, signal, subprocess, sys, time
w, tmp = sys.argv[1], sys.argv[2]
with open(tmp + "/out", "w") as out:
    p = subprocess.Popen([w, "check", "--only", "^kernel-style$", "--out", tmp + "/int"], stdout=out,
                         stderr=subprocess.STDOUT, start_new_session=True,
                         preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    for _ in range(120):                                   # until jcstress runs (the check is under way)
        if subprocess.run(["pgrep", "-g", str(p.pid), "-f", "jcstress.Main"], capture_output=True).returncode == 0:
            break
        time.sleep(0.5)
    time.sleep(2)
    os.killpg(p.pid, signal.SIGINT)                       # Ctrl-C reaches the whole foreground group
    rc = p.wait(timeout=60)
    time.sleep(1)
    left = [l for l in subprocess.run(["pgrep", "-a", "-g", str(p.pid)], capture_output=True).stdout.decode()
            .splitlines() if "<defunct>" not in l]                # exited, not yet reaped by init: not running
print("exit", rc, "left", left)
sys.exit(0 if rc == 130 and not left else 1)
PY
check "Ctrl-C during check: exit 130, no VM left, verdicts.json marked interrupted, junit.xml and races.sarif written" eval 'rc 0 && grep -q "interrupted after" "$tmp/out" && python3 -c "
import json, xml.etree.ElementTree as ET
assert json.load(open(\"$tmp/int/verdicts.json\"))[\"interrupted\"] is True
assert ET.parse(\"$tmp/int/junit.xml\").getroot().tag == \"testsuites\"
assert json.load(open(\"$tmp/int/races.sarif\"))[\"version\"] == \"2.1.0\""'

# Every command, every option, wrong values: one line, exit 2, no stack trace, before any work.
check "the bad-input sweep" bash "$ROOT/tests/bad-input.sh"

if [[ $failures -gt 0 ]]; then
  echo "launcher tests: $failures failed"
  exit 1
fi
echo "launcher tests: all passed"
