#!/bin/sh
# cases.sh MPLAUNCH BINDIR CASE: the tests/mpi cases that need more than one command.
# BINDIR holds the test programs (mpt_*); run-case and flood-check.awk sit next to this script.
# Prints what failed and exits 1 on failure.

[ $# -eq 3 ] || { echo "usage: cases.sh MPLAUNCH BINDIR CASE" >&2; exit 2; }
L=$1
B=$2
CASE=$3
RC=$(dirname "$0")/run-case
SRC=$(dirname "$0")

T=$(mktemp -d "${TMPDIR:-/tmp}/mpt-$CASE.XXXXXX") || exit 2
launcher_pid=
cleanup() {
    if [ -n "$launcher_pid" ] && kill -0 "$launcher_pid" 2>/dev/null; then
        kill -KILL "$launcher_pid" 2>/dev/null
    fi
    rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

nfail=0
fail() { nfail=$((nfail + 1)); echo "FAIL $CASE: $*"; }
finish() {
    if [ "$nfail" -gt 0 ]; then echo "$CASE: $nfail failure(s)"; exit 1; fi
    echo "PASS $CASE"; exit 0
}
show() { echo "---- $1 ----"; cat "$1"; echo "---- end ----"; }

# proc_state PID: the state letter of PID if it is still one of our test programs, else "-".
proc_state() {
    st=$(cat "/proc/$1/stat" 2>/dev/null) || { echo -; return; }
    comm=${st#*(}; comm=${comm%%)*}
    case "$comm" in mpt_*) ;; *) echo -; return;; esac
    st=${st##*) }
    echo "${st%% *}"
}

# check_dead DIR [WITHIN_SECS]: every pid in DIR/pid.* is gone or a zombie, at once or within
# WITHIN_SECS seconds (checked every 0.1 s).
check_dead() {
    tries=$(( ${2:-0} * 10 ))
    ls "$1"/pid.* >/dev/null 2>&1 || { fail "no pid files in $1"; return; }
    while :; do
        alive=
        for f in "$1"/pid.*; do
            p=$(cat "$f")
            s=$(proc_state "$p")
            case "$s" in -|Z|X|x) ;; *) alive="$alive ${f##*.}:pid $p state $s";; esac
        done
        [ -z "$alive" ] && return
        [ "$tries" -le 0 ] && break
        tries=$((tries - 1))
        sleep 0.1
    done
    fail "ranks still alive${2:+ after $2 s}:$alive"
}

# wait_ready DIR: wait until the job's rank 0 wrote DIR/ready (all ranks are past a barrier),
# as long as the launcher is alive; give up after 20 s.
wait_ready() {
    i=0
    while [ ! -e "$1/ready" ]; do
        if ! kill -0 "$launcher_pid" 2>/dev/null; then
            fail "launcher exited before the job was ready"; show "$T/err"; show "$T/out"; finish
        fi
        i=$((i + 1))
        [ $i -le 400 ] || { fail "job not ready after 20 s"; finish; }
        sleep 0.05
    done
}

# hwloc-style list of the PUs this shell may use, as the test program sees them alone
allowed_pus() { "$B/mpt_affinity" | sed -n 's/^affinity 0: //p'; }

# check_affinity N [OPTIONS...]: run mpt_affinity with --report-bindings and compare each
# rank's own mask with the launcher's report line for that rank.
check_affinity() {
    n=$1; shift
    "$L" -n "$n" --report-bindings "$@" "$B/mpt_affinity" >"$T/out" 2>"$T/err"
    st=$?
    [ $st -eq 0 ] || { fail "mplaunch -n $n $* mpt_affinity: exit $st"; show "$T/err"; return; }
    all=$(allowed_pus)
    r=0
    while [ $r -lt "$n" ]; do
        got=$(sed -n "s/^affinity $r: //p" "$T/out")
        rep=$(grep -E "^mplaunch: rank $r (bound to|not bound)" "$T/err")
        case "$rep" in
            *"not bound"*) want=$all;;
            *"bound to PUs "*) want=${rep#*bound to PUs }; want=${want%% *};;
            *) fail "-n $n $*: no --report-bindings line for rank $r"; show "$T/err"; r=$((r + 1)); continue;;
        esac
        [ "$(printf '%s\n' "$rep" | wc -l)" -eq 1 ] || fail "-n $n $*: several report lines for rank $r"
        [ "$got" = "$want" ] || fail "-n $n $*: rank $r runs on PUs '$got', report says '$want' ($rep)"
        eval "aff_$r=\$got"
        r=$((r + 1))
    done
}

case "$CASE" in
affinity-default)
    # 2 ranks on 2+ PUs: each on its own PU, as reported
    check_affinity 2
    [ "$aff_0" != "$aff_1" ] || fail "ranks 0 and 1 bound to the same PUs ($aff_0)"
    # oversubscribed: still as reported
    check_affinity 3 -q
    finish;;
affinity-none)
    check_affinity 2 --bind-to none
    all=$(allowed_pus)
    [ "$aff_0" = "$all" ] && [ "$aff_1" = "$all" ] ||
        fail "--bind-to none: ranks on '$aff_0' and '$aff_1', want all allowed PUs '$all'"
    grep -q "rank 0 not bound" "$T/err" || fail "--bind-to none: no 'rank 0 not bound' report"
    finish;;
affinity-cpus-per-rank)
    check_affinity 1 --cpus-per-rank 2
    case "$aff_0" in *-*|*,*) ;; *) fail "--cpus-per-rank 2: rank 0 on a single PU '$aff_0'";; esac
    check_affinity 2 --cpus-per-rank 2 -q
    finish;;

segv|abort|nofinalize|fatal-null|timeout)
    # a failing job: check status and report line, then that no rank of the job survives
    who='^mplaunch: rank 1 \(pid [0-9]+ on [^)]+\)'
    F="$B/mpt_failmodes"
    n=3
    case "$CASE" in
    segv)
        n=4
        set -- --status 139 --stderr-count 1 "$who killed by signal 11 \\(Segmentation fault\\)\$" \
            --no-stderr 'rank [023]' -- "$L" -n 4 -q "$F" segv "$T";;
    abort)
        set -- --status 7 --stderr-lines 1 \
            --stderr-count 1 "$who called MPI_Abort\\(MPI_COMM_WORLD, 7\\)\$" \
            -- "$L" -n 3 -q "$F" abort "$T";;
    nofinalize)
        set -- --status 1 --stderr-lines 1 \
            --stderr-count 1 "$who exited without calling MPI_Finalize\$" \
            -- "$L" -n 3 -q "$F" nofinalize "$T";;
    fatal-null)
        set -- --status 5 --no-stderr 'rank [02]' \
            --stderr-count 1 '^mpr: rank 1 on [^:]+: MPI_Comm_rank: .*\(MPI_ERR_COMM\)$' \
            -- "$L" -n 3 -q "$F" fatal-null "$T";;
    timeout)
        set -- --status 124 --stderr-count 1 '^mplaunch: timeout after 1 s; ranks still running: ' \
            --stderr '0 \(outside MPI calls\)' --stderr '1 \(MPI_Barrier\)' \
            --stderr '2 \(MPI_Barrier\)' -- "$L" -n 3 -q --timeout 1 "$F" stuck "$T";;
    esac
    # every rank printed "rank R up" before the failure: it must not be lost
    r=0
    while [ $r -lt $n ]; do set -- --stdout-count 1 "^rank $r up\$" "$@"; r=$((r + 1)); done
    "$RC" --name "$CASE" "$@" || nfail=$((nfail + 1))
    check_dead "$T"
    finish;;

kill-launcher)
    "$L" -n 3 -q "$B/mpt_failmodes" hang "$T" >"$T/out" 2>"$T/err" &
    launcher_pid=$!
    wait_ready "$T"
    kill -KILL "$launcher_pid"
    wait "$launcher_pid"
    st=$?
    [ $st -eq 137 ] || fail "SIGKILLed launcher: wait status $st, want 137"
    launcher_pid=
    check_dead "$T" 1
    finish;;

sigint-handler|sigint-default)
    # started in the background by a script, mplaunch would inherit SIGINT ignored: undo that
    # mplaunch exits 128+SIGINT once it forwarded SIGINT, even when the ranks handle it and exit 0
    if [ "$CASE" = sigint-handler ]; then n=3; want=130; else n=2; want=130; fi
    env --default-signal=INT "$L" -n $n -q "$B/mpt_failmodes" "$CASE" "$T" >"$T/out" 2>"$T/err" &
    launcher_pid=$!
    wait_ready "$T"
    kill -INT "$launcher_pid"
    wait "$launcher_pid"
    st=$?
    launcher_pid=
    [ $st -eq $want ] || fail "after SIGINT: exit $st, want $want"
    if [ "$CASE" = sigint-handler ]; then
        r=0
        while [ $r -lt $n ]; do
            [ "$(grep -c "^rank $r got SIGINT\$" "$T/out")" -eq 1 ] || fail "no 'rank $r got SIGINT' line"
            r=$((r + 1))
        done
        [ "$(wc -l <"$T/out")" -eq $((2 * n)) ] || fail "stdout has $(wc -l <"$T/out") lines, want $((2 * n))"
        grep -q . "$T/err" && fail "unexpected stderr"
    fi
    check_dead "$T"
    [ $nfail -eq 0 ] || { show "$T/out"; show "$T/err"; }
    finish;;

hostname)
    h=$(hostname)
    "$RC" --stdout-lines 3 --stdout-count 3 "^$h\$" --stderr-lines 0 -- "$L" -n 3 -q hostname ||
        nfail=1
    finish;;

mpmd)
    "$RC" --stdout-lines 3 --stdout-count 1 '^hello 0 of 3 mpt_hello A$' \
        --stdout-count 1 '^hello 1 of 3 mpt_hello2 B$' --stdout-count 1 '^hello 2 of 3 mpt_hello2 B$' \
        -- "$L" -q -n 1 "$B/mpt_hello" A : -n 2 "$B/mpt_hello2" B || nfail=1
    finish;;

flood|flood-tag|flood-long)
    # flood: 4 x 25000 short lines; flood-long: 4 x 300 lines of up to 65000 bytes, under the
    # 64 KiB up to which launcher/io.h promises whole lines; both plain and --tag-output
    run_flood() { # TAG LINES MOD
        opt=; [ "$1" = 1 ] && opt=--tag-output
        "$L" -n 4 -q $opt "$B/mpt_flood" "$2" "$3" >"$T/out" 2>"$T/err"
        st=$?
        [ $st -eq 0 ] || { fail "mplaunch -n 4 $opt mpt_flood $2 $3: exit $st"; show "$T/err"; }
        awk -v ranks=4 -v lines="$2" -v mod="$3" -v tag="$1" -f "$SRC/flood-check.awk" "$T/out" ||
            fail "mplaunch -n 4 $opt mpt_flood $2 $3: output damaged"
    }
    case "$CASE" in
        flood) run_flood 0 25000 97;;
        flood-tag) run_flood 1 25000 97;;
        flood-long) run_flood 0 300 65000; run_flood 1 300 65000;;
    esac
    finish;;

stdin)
    printf 'abc\n' >"$T/in"
    "$RC" --name "stdin default" --stdin "$T/in" --stdout-lines 2 --stdout-count 1 "^rank 0 got 'abc\\|'\$" \
        --stdout-count 1 "^rank 1 got ''\$" -- "$L" -n 2 -q "$B/mpt_readstdin" eof eof || nfail=$((nfail + 1))
    "$RC" --name "stdin all" --stdin "$T/in" --stdout-lines 2 --stdout-count 1 "^rank 0 got 'abc\\|'\$" \
        --stdout-count 1 "^rank 1 got 'abc\\|'\$" -- "$L" -n 2 -q --stdin all "$B/mpt_readstdin" eof eof ||
        nfail=$((nfail + 1))
    "$RC" --name "stdin 1" --stdin "$T/in" --stdout-lines 2 --stdout-count 1 "^rank 0 got ''\$" \
        --stdout-count 1 "^rank 1 got 'abc\\|'\$" -- "$L" -n 2 -q --stdin 1 "$B/mpt_readstdin" eof eof ||
        nfail=$((nfail + 1))
    "$RC" --name "stdin none" --stdin "$T/in" --stdout-lines 2 --stdout-count 2 "^rank [01] got ''\$" \
        -- "$L" -n 2 -q --stdin none "$B/mpt_readstdin" eof eof || nfail=$((nfail + 1))
    # the writer stays open: rank 1 must see EOF at once, rank 0 gets its line, the job ends
    mkfifo "$T/fifo"
    (printf 'abc\n'; exec sleep 60) >"$T/fifo" &
    writer=$!
    "$RC" --name "stdin writer open" --stdin "$T/fifo" --stdout-lines 2 --stdout-count 1 "^rank 0 got 'abc\\|'\$" \
        --stdout-count 1 "^rank 1 got ''\$" -- "$L" -n 2 -q --timeout 20 "$B/mpt_readstdin" line eof ||
        nfail=$((nfail + 1))
    kill "$writer" 2>/dev/null
    wait "$writer" 2>/dev/null
    finish;;

devshm)
    ls -a /dev/shm | sort >"$T/before"
    "$L" -n 3 -q "$B/mpt_failmodes" hang "$T" >"$T/out" 2>"$T/err" &
    launcher_pid=$!
    wait_ready "$T"
    for f in "$T"/pid.*; do
        p=$(cat "$f")
        if grep -q '/dev/shm/' "/proc/$p/maps" 2>/dev/null; then
            fail "rank ${f##*.} maps files from /dev/shm: $(grep '/dev/shm/' "/proc/$p/maps" | head -n 3)"
        fi
    done
    ls -a /dev/shm | sort >"$T/during"
    kill -TERM "$launcher_pid"
    wait "$launcher_pid"
    launcher_pid=
    "$L" -n 2 -q "$B/mpt_hello" >/dev/null 2>&1 || fail "hello -n 2 failed"
    ls -a /dev/shm | sort >"$T/after"
    # entries of other MPI libraries that may come and go meanwhile are not ours
    for s in during after; do
        new=$(comm -13 "$T/before" "$T/$s" | grep -Ev '^(vader_segment|psm2|sem\.|ompi|mpich|shm_mpi|open_mpi|osu)')
        [ -z "$new" ] || fail "new /dev/shm entries $s the job: $new"
    done
    finish;;

barrier)
    # 3 ranks, 3 rounds: each rank is once the one that arrives 200 ms late
    "$RC" --name barrier --stdout-lines 3 --stdout-count 3 "^rank [0-2] barrier ok\$" --stderr-lines 0 \
        -- "$L" -q -n 3 "$B/mpt_barrier" "$T" 3 || nfail=1
    finish;;

*) echo "cases.sh: unknown case '$CASE'" >&2; exit 2;;
esac
