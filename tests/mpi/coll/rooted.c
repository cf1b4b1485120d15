/* rooted.c — MPI_Gather, MPI_Gatherv, MPI_Igather, MPI_Igatherv (mode "gather") and MPI_Scatter,
 * MPI_Scatterv, MPI_Iscatter, MPI_Iscatterv (mode "scatter"): counts {0,1,7,1000,262144}, roots
 * {0, middle, last}, with and without MPI_IN_PLACE at the root; the v-forms with uneven and zero
 * counts and non-monotonic displacements, the gaps checked untouched.
 * Usage: mpt_coll_rooted gather|scatter [big] */
#include "coll.h"

#define V(salt, src, k) ((int)ct_val((salt), (src), (k)))

static void fill(int *b, size_t n, uint64_t salt, int src)
{
    for (size_t k = 0; k < n; k++)
        b[k] = V(salt, src, k);
}
static void check(const int *b, size_t n, uint64_t salt, int src, const char *what, int count,
                  int root)
{
    for (size_t k = 0; k < n; k++)
        TC_CHECK(b[k] == V(salt, src, k), "%s count %d root %d: block of rank %d, element %zu "
                 "wrong", what, count, root, src, k);
}

static void gather(int count, int root, bool inplace, bool nb, bool v, uint64_t salt)
{
    const char *what = v ? (nb ? "MPI_Igatherv" : "MPI_Gatherv") : (nb ? "MPI_Igather" : "MPI_Gather");
    int P = tc_size, *cnt = ct_malloc(P * sizeof(int)), *dsp = ct_malloc(P * sizeof(int));
    int span;
    if (v) {
        span = ct_vlayout(count, cnt, dsp);
    } else {
        for (int r = 0; r < P; r++)
            cnt[r] = count, dsp[r] = r * count;
        span = P * count;
    }
    size_t mine = (size_t)cnt[tc_rank];
    int *send = ct_malloc(mine * sizeof(int)), *recv = NULL;
    fill(send, mine, salt, tc_rank);
    const void *sb = send;
    if (tc_rank == root) {
        recv = ct_malloc(((size_t)span + 8) * sizeof(int));
        ct_sentinel(recv, ((size_t)span + 8) * sizeof(int));
        if (inplace) {
            fill(recv + dsp[root], mine, salt, root);
            sb = MPI_IN_PLACE;
        }
    }
    MPI_Request req;
    if (v && nb)
        TC_OK(MPI_Igatherv(sb, (int)mine, MPI_INT, recv, cnt, dsp, MPI_INT, root, MPI_COMM_WORLD,
                           &req));
    else if (v)
        TC_OK(MPI_Gatherv(sb, (int)mine, MPI_INT, recv, cnt, dsp, MPI_INT, root, MPI_COMM_WORLD));
    else if (nb)
        TC_OK(MPI_Igather(sb, count, MPI_INT, recv, count, MPI_INT, root, MPI_COMM_WORLD, &req));
    else
        TC_OK(MPI_Gather(sb, count, MPI_INT, recv, count, MPI_INT, root, MPI_COMM_WORLD));
    if (nb)
        ct_wait(&req);
    if (tc_rank == root) {
        /* blocks, then every element not in a block keeps the sentinel */
        char *mark = ct_malloc((size_t)span + 8);
        memset(mark, 0, (size_t)span + 8);
        for (int r = 0; r < P; r++) {
            check(recv + dsp[r], (size_t)cnt[r], salt, r, what, count, root);
            memset(mark + dsp[r], 1, (size_t)cnt[r]);
        }
        for (int k = 0; k < span + 8; k++)
            TC_CHECK(mark[k] || ct_sentinel_bad(recv + k, sizeof(int)) < 0,
                     "%s count %d root %d: element %d outside every block written", what, count,
                     root, k);
        free(mark);
    }
    free(send), free(recv), free(cnt), free(dsp);
}

static void scatter(int count, int root, bool inplace, bool nb, bool v, uint64_t salt)
{
    const char *what =
        v ? (nb ? "MPI_Iscatterv" : "MPI_Scatterv") : (nb ? "MPI_Iscatter" : "MPI_Scatter");
    int P = tc_size, *cnt = ct_malloc(P * sizeof(int)), *dsp = ct_malloc(P * sizeof(int));
    int span;
    if (v) {
        span = ct_vlayout(count, cnt, dsp);
    } else {
        for (int r = 0; r < P; r++)
            cnt[r] = count, dsp[r] = r * count;
        span = P * count;
    }
    size_t mine = (size_t)cnt[tc_rank];
    int *send = NULL, *recv = ct_malloc((mine + 8) * sizeof(int));
    ct_sentinel(recv, (mine + 8) * sizeof(int));
    void *rb = recv;
    if (tc_rank == root) {
        send = ct_malloc((size_t)span * sizeof(int));
        ct_sentinel(send, (size_t)span * sizeof(int));
        for (int r = 0; r < P; r++)
            fill(send + dsp[r], (size_t)cnt[r], salt, r);
        if (inplace)
            rb = MPI_IN_PLACE;
    }
    MPI_Request req;
    if (v && nb)
        TC_OK(MPI_Iscatterv(send, cnt, dsp, MPI_INT, rb, (int)mine, MPI_INT, root, MPI_COMM_WORLD,
                            &req));
    else if (v)
        TC_OK(MPI_Scatterv(send, cnt, dsp, MPI_INT, rb, (int)mine, MPI_INT, root,
                           MPI_COMM_WORLD));
    else if (nb)
        TC_OK(MPI_Iscatter(send, count, MPI_INT, rb, count, MPI_INT, root, MPI_COMM_WORLD, &req));
    else
        TC_OK(MPI_Scatter(send, count, MPI_INT, rb, count, MPI_INT, root, MPI_COMM_WORLD));
    if (nb)
        ct_wait(&req);
    if (rb == MPI_IN_PLACE) {
        TC_CHECK(ct_sentinel_bad(recv, (mine + 8) * sizeof(int)) < 0,
                 "%s count %d root %d: recvbuf written although MPI_IN_PLACE", what, count, root);
    } else {
        check(recv, mine, salt, tc_rank, what, count, root);
        TC_CHECK(ct_sentinel_bad(recv + mine, 8 * sizeof(int)) < 0,
                 "%s count %d root %d: wrote past the end", what, count, root);
    }
    if (tc_rank == root)
        for (int r = 0; r < P; r++)
            check(send + dsp[r], (size_t)cnt[r], salt, r, "sendbuf modified by scatter", count,
                  root);
    free(send), free(recv), free(cnt), free(dsp);
}

int main(int argc, char **argv)
{
    tc_init(&argc, &argv, "rooted");
    bool sc = argc > 1 && strcmp(argv[1], "scatter") == 0;
    bool big = ct_has_arg(argc, argv, "big");
    int roots[3], nroots = ct_roots(roots);
    uint64_t salt = 200;
    for (int ci = 0; ci < CT_NCOUNTS; ci++) {
        int count = ct_counts[ci];
        for (int ri = 0; ri < nroots; ri++)
            for (int var = 0; var < 8; var++) {
                bool inplace = var & 1, nb = var & 2, v = var & 4;
                /* the big count: two variants only unless "big" */
                if (count == CT_BIG && !big && !(ri == nroots - 1 && (var == 0 || var == 7)))
                    continue;
                if (sc)
                    scatter(count, roots[ri], inplace, nb, v, salt++);
                else
                    gather(count, roots[ri], inplace, nb, v, salt++);
            }
    }
    ct_done(sc ? "scatter" : "gather");
    return 0;
}
