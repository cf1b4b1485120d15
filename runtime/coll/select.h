/*
 * Algorithm selection. Each collective lists its algorithms in a const table in its entry file
 * (coll/<name>.c) and picks one with a small rule on (communicator size, bytes, op properties);
 * MPR_COLL_<NAME>=<algorithm> forces one (the tests force each in turn). The rules and their
 * switch points come from bench/coll runs (docs/performance.md).
 */
#ifndef MPR_COLL_SELECT_H
#define MPR_COLL_SELECT_H

enum mpr_coll_id {
    MPR_COLL_BARRIER,
    MPR_COLL_BCAST,
    MPR_COLL_REDUCE,
    MPR_COLL_ALLREDUCE,
    MPR_COLL_GATHER,
    MPR_COLL_SCATTER,
    MPR_COLL_ALLGATHER,
    MPR_COLL_ALLTOALL,
    MPR_COLL_REDUCE_SCATTER,
    MPR_COLL_SCAN,
    MPR_COLL_ID_MAX
};

/*
 * The index in names[0..n) of the algorithm forced by MPR_COLL_<NAME>, or `chosen` when nothing
 * (or a name that is not in the list, or one that cannot run here: usable[i] == 0) is forced.
 * A bad forced name is warned about once.
 */
int mpr_coll_pick(enum mpr_coll_id id, const char *const names[], const int usable[], int n,
                  int chosen);

/*
 * Whether the job runs more ranks than PUs on a node (mplaunch sets the same value on every
 * rank, so rules that use it still decide alike everywhere). Oversubscribed, every round that
 * waits for a peer may cost a context switch (about 2 us here), so the rules prefer algorithms
 * with the fewest dependent rounds over those that move the fewest bytes.
 */
int mpr_coll_oversubscribed(void);

#endif
