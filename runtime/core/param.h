/*
 * Every MPR_* environment variable, defined once in the table in param.c (name, type, default,
 * help) and read once by mpr_params_read() at MPI_Init. docs/tuning.md lists the table.
 * An MPR_* variable in the environment that the table does not know gets one warning naming the
 * nearest valid name.
 */
#ifndef MPR_PARAM_H
#define MPR_PARAM_H

enum mpr_param_id {
    /* Set by mplaunch for every rank (documented in docs/launcher.md). */
    MPR_P_RANK,
    MPR_P_SIZE,
    MPR_P_LOCAL_RANK,
    MPR_P_LOCAL_SIZE,
    MPR_P_NODE_ID,
    MPR_P_JOBID,
    MPR_P_APPNUM,
    MPR_P_BOOT_FD,
    MPR_P_SHM_FD,
    MPR_P_CPUSET,
    MPR_P_OVERSUBSCRIBED,
    /* Set by users. */
    MPR_P_EAGER_LIMIT,
    MPR_P_SHM_CMA,
    MPR_P_CMA_SPLIT,
    MPR_P_COLL_EAGER_LIMIT,
    MPR_P_SHM_RING_BUDGET,
    MPR_P_TRANSPORT,
    MPR_P_OFI_PROVIDER,
    MPR_P_OFI_IFACE,
    MPR_P_OFI_RECORD,
    MPR_P_OFI_RECV_BUFS,
    MPR_P_WAIT_MODE,
    MPR_P_SPIN_US,
    MPR_P_YIELD_US,
    MPR_P_COLL_BARRIER,
    MPR_P_COLL_BCAST,
    MPR_P_COLL_REDUCE,
    MPR_P_COLL_ALLREDUCE,
    MPR_P_COLL_GATHER,
    MPR_P_COLL_SCATTER,
    MPR_P_COLL_ALLGATHER,
    MPR_P_COLL_ALLTOALL,
    MPR_P_COLL_REDUCE_SCATTER,
    MPR_P_COLL_SCAN,
    MPR_P_CC,
    MPR_P_MAX
};

enum mpr_param_type { MPR_PARAM_INT, MPR_PARAM_STR };

struct mpr_param_def {
    const char *name;
    enum mpr_param_type type;
    const char *def; /* default as text; NULL means unset */
    const char *help;
    int from_launcher; /* set by mplaunch, not meant for users */
};

extern const struct mpr_param_def mpr_param_defs[MPR_P_MAX];

/* Read every parameter from the environment; warns on unknown MPR_* names and bad values. */
void mpr_params_read(void);
/* The value read at init (the default when unset or invalid). */
long mpr_param_int(enum mpr_param_id id);
/* NULL when unset and without default. */
const char *mpr_param_str(enum mpr_param_id id);
/* 1 when the variable was present in the environment at init. */
int mpr_param_is_set(enum mpr_param_id id);

/* Levenshtein distance, for "did you mean" suggestions. */
int mpr_edit_distance(const char *a, const char *b);

#endif
