#include "core/param.h"

#include "core/log.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

extern char **environ;

const struct mpr_param_def mpr_param_defs[MPR_P_MAX] = {
    [MPR_P_RANK] = {"MPR_RANK", MPR_PARAM_INT, "0", "rank in MPI_COMM_WORLD", 1},
    [MPR_P_SIZE] = {"MPR_SIZE", MPR_PARAM_INT, "1", "size of MPI_COMM_WORLD", 1},
    [MPR_P_LOCAL_RANK] = {"MPR_LOCAL_RANK", MPR_PARAM_INT, "0", "rank among the ranks of this node",
                          1},
    [MPR_P_LOCAL_SIZE] = {"MPR_LOCAL_SIZE", MPR_PARAM_INT, "1", "number of ranks on this node", 1},
    [MPR_P_NODE_ID] = {"MPR_NODE_ID", MPR_PARAM_INT, "0", "index of this node in the job", 1},
    [MPR_P_JOBID] = {"MPR_JOBID", MPR_PARAM_STR, NULL, "job identifier (hex)", 1},
    [MPR_P_APPNUM] = {"MPR_APPNUM", MPR_PARAM_INT, "0",
                      "index of this rank's program in an MPMD command line (MPI_APPNUM)", 1},
    [MPR_P_BOOT_FD] = {"MPR_BOOT_FD", MPR_PARAM_INT, "-1",
                       "inherited bootstrap socket; unset means singleton", 1},
    [MPR_P_SHM_FD] = {"MPR_SHM_FD", MPR_PARAM_INT, "-1", "inherited node segment (memfd)", 1},
    [MPR_P_CPUSET] = {"MPR_CPUSET", MPR_PARAM_STR, NULL,
                      "PUs this rank is bound to (OS indexes, list syntax)", 1},
    [MPR_P_OVERSUBSCRIBED] = {"MPR_OVERSUBSCRIBED", MPR_PARAM_INT, "0",
                              "1 when the node runs more ranks than PUs: waiting yields at once",
                              1},
    [MPR_P_EAGER_LIMIT] = {"MPR_EAGER_LIMIT", MPR_PARAM_INT, "65536",
                           "largest message (bytes) sent eagerly over shared memory (copied "
                           "through the ring); larger ones use rendezvous (CMA, or pipelined "
                           "copy). Capped by the ring size. See docs/performance.md",
                           0},
    [MPR_P_SHM_CMA] = {"MPR_SHM_CMA", MPR_PARAM_INT, "1",
                       "0 disables single-copy (process_vm_readv) rendezvous: large messages are "
                       "copied through the rings instead",
                       0},
    [MPR_P_CMA_SPLIT] = {"MPR_CMA_SPLIT", MPR_PARAM_INT, "131072",
                         "rendezvous messages of at least this many bytes are copied by both "
                         "ranks at once (the receiver reads the first half, the sender writes "
                         "the second); 0 turns the split off",
                         0},
    [MPR_P_COLL_EAGER_LIMIT] = {"MPR_COLL_EAGER_LIMIT", MPR_PARAM_INT, "16384",
                                "eager limit (bytes) for the messages of collective algorithms, "
                                "which often arrive before their receive is posted; at most "
                                "MPR_EAGER_LIMIT. A step that sends to and receives from the "
                                "same peer (an exchange) uses MPR_EAGER_LIMIT",
                                0},
    [MPR_P_SHM_RING_BUDGET] = {"MPR_SHM_RING_BUDGET", MPR_PARAM_INT, "4194304",
                               "bytes of receive rings per rank, split over its local peers "
                               "(each ring 16 KiB to 1 MiB, a power of two); read by mplaunch",
                               0},
    [MPR_P_TRANSPORT] = {"MPR_TRANSPORT", MPR_PARAM_STR, "auto",
                         "which transport carries messages between ranks: auto (same node: shared "
                         "memory, other nodes: libfabric), ofi (every peer through libfabric, "
                         "even on one node; node-local collectives off), parity (shared memory "
                         "between local ranks of the same parity, libfabric between the others: "
                         "a mixed job for tests)",
                         0},
    [MPR_P_OFI_PROVIDER] = {"MPR_OFI_PROVIDER", MPR_PARAM_STR, NULL,
                            "libfabric provider to use, as fi_info names it (e.g. verbs;ofi_rxm, "
                            "tcp;ofi_rxm, net); default: the first present of the fabric hardware "
                            "providers, then the fastest Ethernet one (see below)",
                            0},
    [MPR_P_OFI_IFACE] = {"MPR_OFI_IFACE", MPR_PARAM_STR, NULL,
                         "network interface (libfabric domain) the fabric transport uses, e.g. "
                         "eth0 or mlx5_0; default: loopback for a job on one node, else the first "
                         "that is not loopback and not a container or VM bridge (docker*, "
                         "virbr*, br-*)",
                         0},
    [MPR_P_OFI_RECORD] = {"MPR_OFI_RECORD", MPR_PARAM_INT, "65536",
                          "bytes of each pre-posted fabric receive buffer: the largest eager "
                          "record over libfabric (larger messages use rendezvous)",
                          0},
    [MPR_P_OFI_RECV_BUFS] = {"MPR_OFI_RECV_BUFS", MPR_PARAM_INT, "64",
                             "fabric receive buffers pre-posted per rank", 0},
    [MPR_P_WAIT_MODE] = {"MPR_WAIT_MODE", MPR_PARAM_STR, "auto",
                         "how a blocked call waits: auto (spin, then yield, then sleep), spin, "
                         "yield or block (sleep at once)",
                         0},
    [MPR_P_SPIN_US] = {"MPR_SPIN_US", MPR_PARAM_INT, "50",
                       "auto wait mode: microseconds of busy polling before yielding (0 when "
                       "oversubscribed)",
                       0},
    [MPR_P_YIELD_US] = {"MPR_YIELD_US", MPR_PARAM_INT, "2000",
                        "auto wait mode: microseconds of polling with sched_yield before "
                        "sleeping until a message arrives",
                        0},
    [MPR_P_COLL_BARRIER] = {"MPR_COLL_BARRIER", MPR_PARAM_STR, NULL,
                            "force the barrier algorithm: shm (blocking, one node), dissemination",
                            0},
    [MPR_P_COLL_BCAST] =
        {"MPR_COLL_BCAST", MPR_PARAM_STR, NULL,
         "force the broadcast algorithm: shm (blocking, one node, up to 16 KiB), binomial, "
         "scatter_allgather",
         0},
    [MPR_P_COLL_REDUCE] = {"MPR_COLL_REDUCE", MPR_PARAM_STR, NULL,
                           "force the reduce algorithm: shm (blocking, one node, up to 16 KiB), "
                           "binomial, rabenseifner",
                           0},
    [MPR_P_COLL_ALLREDUCE] =
        {"MPR_COLL_ALLREDUCE", MPR_PARAM_STR, NULL,
         "force the allreduce algorithm: shm (blocking, one node, up to 16 KiB), "
         "recursive_doubling, ring",
         0},
    [MPR_P_COLL_GATHER] = {"MPR_COLL_GATHER", MPR_PARAM_STR, NULL,
                           "force the gather algorithm: shm (blocking, one node, up to 16 KiB "
                           "per rank), binomial, linear (gatherv: shm, linear)",
                           0},
    [MPR_P_COLL_SCATTER] = {"MPR_COLL_SCATTER", MPR_PARAM_STR, NULL,
                            "force the scatter algorithm: shm (blocking, one node, up to 16 KiB in "
                            "all), binomial, linear (scatterv: shm, linear)",
                            0},
    [MPR_P_COLL_ALLGATHER] = {"MPR_COLL_ALLGATHER", MPR_PARAM_STR, NULL,
                              "force the allgather algorithm: shm (blocking, one node, up to "
                              "16 KiB per rank), recursive_doubling, bruck, ring, linear "
                              "(allgatherv: shm, ring, linear)",
                              0},
    [MPR_P_COLL_ALLTOALL] = {"MPR_COLL_ALLTOALL", MPR_PARAM_STR, NULL,
                             "force the alltoall algorithm: shm (blocking, one node, up to "
                             "16 KiB per rank in all), pairwise, bruck, linear (alltoallv: "
                             "shm, pairwise, linear; alltoallw: pairwise, linear)",
                             0},
    [MPR_P_COLL_REDUCE_SCATTER] = {"MPR_COLL_REDUCE_SCATTER", MPR_PARAM_STR, NULL,
                                   "force the reduce-scatter algorithm (also the block form): "
                                   "shm (blocking, one node, up to 16 KiB in all), "
                                   "recursive_halving, ring (commutative ops), reduce_scatterv",
                                   0},
    [MPR_P_COLL_SCAN] = {"MPR_COLL_SCAN", MPR_PARAM_STR, NULL,
                         "force the scan and exscan algorithm: shm (blocking, one node, up to "
                         "16 KiB), recursive_doubling, linear",
                         0},
    [MPR_P_CC] = {"MPR_CC", MPR_PARAM_STR, NULL,
                  "C compiler mpcc runs (else $CC, else cc); read by mpcc, not the runtime", 0},
};

struct param_value {
    int set;
    long num;
    const char *str;
};

static struct param_value values[MPR_P_MAX];

static int parse_long(const char *s, long *out)
{
    char *end;
    long v;

    errno = 0;
    v = strtol(s, &end, 10);
    if (errno != 0 || end == s || *end != '\0') {
        return -1;
    }
    *out = v;
    return 0;
}

static void read_one(enum mpr_param_id id)
{
    const struct mpr_param_def *d = &mpr_param_defs[id];
    const char *env = getenv(d->name);
    const char *text = env ? env : d->def;

    values[id].set = env != NULL;
    values[id].str = text;
    values[id].num = 0;
    if (d->type != MPR_PARAM_INT || !text) {
        return;
    }
    if (parse_long(text, &values[id].num) != 0) {
        mpr_log_warn("%s='%s' is not an integer; using the default %s", d->name, text, d->def);
        parse_long(d->def, &values[id].num);
        values[id].set = 0;
    }
}

static int known_name(const char *name, size_t len)
{
    for (int i = 0; i < MPR_P_MAX; i++) {
        if (strlen(mpr_param_defs[i].name) == len && !strncmp(mpr_param_defs[i].name, name, len)) {
            return 1;
        }
    }
    return 0;
}

static void warn_unknown(const char *entry)
{
    char name[128];
    size_t len = strcspn(entry, "=");
    const char *best = NULL;
    int best_d = 1 << 30;

    if (len >= sizeof(name) || known_name(entry, len)) {
        return;
    }
    memcpy(name, entry, len);
    name[len] = '\0';
    for (int i = 0; i < MPR_P_MAX; i++) {
        int d = mpr_edit_distance(name, mpr_param_defs[i].name);
        if (d < best_d) {
            best_d = d;
            best = mpr_param_defs[i].name;
        }
    }
    if (best && best_d <= 3) {
        mpr_log_warn("unknown variable %s ignored; did you mean %s?", name, best);
    } else {
        mpr_log_warn("unknown variable %s ignored (docs/tuning.md lists them)", name);
    }
}

void mpr_params_read(void)
{
    for (int i = 0; i < MPR_P_MAX; i++) {
        read_one((enum mpr_param_id)i);
    }
    /* Warn once per job, not once per rank. */
    if (values[MPR_P_RANK].num != 0) {
        return;
    }
    for (char **e = environ; e && *e; e++) {
        if (!strncmp(*e, "MPR_", 4)) {
            warn_unknown(*e);
        }
    }
}

long mpr_param_int(enum mpr_param_id id)
{
    return values[id].num;
}

const char *mpr_param_str(enum mpr_param_id id)
{
    return values[id].str;
}

int mpr_param_is_set(enum mpr_param_id id)
{
    return values[id].set;
}

int mpr_edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    int row[128];

    if (lb >= sizeof(row) / sizeof(row[0])) {
        return 1 << 30;
    }
    for (size_t j = 0; j <= lb; j++) {
        row[j] = (int)j;
    }
    for (size_t i = 1; i <= la; i++) {
        int diag = row[0];
        row[0] = (int)i;
        for (size_t j = 1; j <= lb; j++) {
            int up = row[j];
            int cost = diag + (a[i - 1] != b[j - 1]);
            int best = up + 1 < row[j - 1] + 1 ? up + 1 : row[j - 1] + 1;
            row[j] = cost < best ? cost : best;
            diag = up;
        }
    }
    return row[lb];
}
