#!/bin/sh
# fatal.sh LAUNCH-COMMAND...: runs e.g. `mplaunch -q -n 2 ./mpt_pt_errors fatal`; an invalid rank in
# MPI_Send under MPI_ERRORS_ARE_FATAL must end the job with a non-zero status and stderr must name
# MPI_Send and the rank. Prints what is wrong and exits 1 on failure.
err=$(mktemp "${TMPDIR:-/tmp}/pt-fatal.XXXXXX") || exit 2
trap 'rm -f "$err"' EXIT
"$@" >/dev/null 2>"$err"
status=$?
ok=1
[ "$status" -ne 0 ] || { echo "FAIL: the job exited with status 0"; ok=0; }
# (Open MPI and MPICH put the function and the reason on different lines: grep separately)
grep -q 'MPI_Send' "$err" || { echo "FAIL: stderr does not name MPI_Send"; ok=0; }
# the rank as the argument at fault, not just mpr's "mpr: rank R on HOST:" prefix or mplaunch's lines
grep -v '^mplaunch:' "$err" | sed 's/^mpr: rank [0-9]* on [^:]*: //' | grep -qi 'rank' ||
    { echo "FAIL: stderr does not mention the invalid rank"; ok=0; }
grep -qi 'not implemented' "$err" && { echo "FAIL: MPI_Send is not implemented"; ok=0; }
grep -q '^FAIL errors' "$err" && { echo "FAIL: MPI_Send returned under MPI_ERRORS_ARE_FATAL"; ok=0; }
if [ $ok = 0 ]; then echo "---- stderr (status $status) ----"; cat "$err"; exit 1; fi
exit 0
