# awk -v ranks=N -v lines=L -v mod=MOD -v tag=0|1 -f flood-check.awk OUTPUT
# Checks flood's output: every line well-formed (optionally "[R] " tagged with its own rank),
# lines of each rank in order 0..L-1, exactly L per rank. Prints problems; exits 1 on any.
BEGIN { if (mod == "") mod = 97; alpha = "abcdefghijklmnopqrstuvwxyz" }
function bad(msg) {
    nbad++
    if (nbad <= 10) printf "flood-check: line %d: %s: '%s'\n", NR, msg, substr($0, 1, 120)
}
{
    line = $0
    if (tag) {
        if (match(line, /^\[[0-9]+\] /) == 0) { bad("no [R] tag"); next }
        trank = substr(line, 2, RLENGTH - 3) + 0
        line = substr(line, RLENGTH + 1)
    }
    n = split(line, f, ":")
    if (n != 4 || f[1] !~ /^[0-9]+$/ || f[2] !~ /^[0-9]+$/ || f[3] !~ /^[a-z]*$/ || f[4] !~ /^[0-9]+$/) {
        bad("malformed"); next
    }
    r = f[1] + 0; i = f[2] + 0; len = length(f[3])
    if (r >= ranks) { bad("rank out of range"); next }
    if (tag && trank != r) { bad("tag says rank " trank); next }
    if (len != (i * 7919 + r * 104729) % mod) { bad("payload length " len); next }
    while (length(alpha) < len + 26) alpha = alpha alpha
    if (f[3] != substr(alpha, i % 26 + 1, len)) { bad("payload corrupt"); next }
    if (f[4] + 0 != (r * 131 + i * 31 + len) % 10007) { bad("checksum"); next }
    if (i != next_i[r] + 0) { bad("rank " r " line " i " but expected line " next_i[r] + 0); }
    next_i[r] = i + 1
    count[r]++
}
END {
    for (r = 0; r < ranks; r++) {
        if (count[r] + 0 != lines) {
            printf "flood-check: rank %d: %d lines, want %d\n", r, count[r] + 0, lines
            nbad++
        }
    }
    if (nbad) { printf "flood-check: %d problem(s) in %d lines\n", nbad, NR; exit 1 }
    printf "flood-check: %d ranks x %d lines ok\n", ranks, lines
}
