/*
 * Communicators: the MPI entry points for size, rank, construction, comparison and naming.
 * Each checks its arguments, then calls comm/comm.c; functions not implemented yet return
 * MPI_ERR_UNSUPPORTED_OPERATION (see docs/api-coverage.md). Intercommunicators are not
 * implemented.
 */
#include "api/api.h"

#include "api/api_name.h"
#include "comm/comm.h"
#include "comm/group.h"
#include "core/errcode.h"
#include "core/info.h"
#include "core/state.h"
#include "pt2pt/pt2pt.h"

#include <stdlib.h>
#include <string.h>

/* Report an internal result: a negative MPR_ERR_* or a user callback's MPI error code. */
static int comm_result(MPI_Comm comm, const char *fn, int rc)
{
    if (rc == 0) {
        return MPI_SUCCESS;
    }
    if (rc > 0) {
        return mpr_api_error(comm, fn, rc, "an attribute callback returned error %d", rc);
    }
    if (rc == -MPR_ERR_EXHAUSTED) {
        return mpr_api_error(comm, fn, MPI_ERR_INTERN,
                             "no free context id: too many communicators alive at once");
    }
    return mpr_api_error(comm, fn, rc == -MPR_ERR_NOMEM ? MPI_ERR_NO_MEM : MPI_ERR_INTERN, "%s",
                         rc == -MPR_ERR_NOMEM ? "out of memory" : "internal error");
}

/* The common checks: a valid communicator and a non-NULL output. */
static int check_comm_out(MPI_Comm comm, const char *fn, const void *out, const char *what)
{
    mpr_api_require_init(fn);
    if (!mpr_api_comm_ok(comm)) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_COMM, "comm: not a valid communicator");
    }
    if (!out) {
        return mpr_api_error(comm, fn, MPI_ERR_ARG, "%s: NULL output pointer", what);
    }
    return MPI_SUCCESS;
}

#pragma weak MPI_Comm_size = PMPI_Comm_size
int PMPI_Comm_size(MPI_Comm comm, int *size)
{
    mpr_api_require_init("MPI_Comm_size");
    if (!mpr_api_comm_ok(comm)) {
        return mpr_api_error(MPI_COMM_WORLD, "MPI_Comm_size", MPI_ERR_COMM,
                             "comm: not a valid communicator");
    }
    if (size == NULL) {
        return mpr_api_error(comm, "MPI_Comm_size", MPI_ERR_ARG, "size: NULL output pointer");
    }
    *size = comm->size;
    return MPI_SUCCESS;
}

#pragma weak MPI_Comm_rank = PMPI_Comm_rank
int PMPI_Comm_rank(MPI_Comm comm, int *rank)
{
    mpr_api_require_init("MPI_Comm_rank");
    if (!mpr_api_comm_ok(comm)) {
        return mpr_api_error(MPI_COMM_WORLD, "MPI_Comm_rank", MPI_ERR_COMM,
                             "comm: not a valid communicator");
    }
    if (rank == NULL) {
        return mpr_api_error(comm, "MPI_Comm_rank", MPI_ERR_ARG, "rank: NULL output pointer");
    }
    *rank = comm->rank;
    return MPI_SUCCESS;
}

/* Whether two communicators have the same members, in any order. */
static int same_members(MPI_Comm a, MPI_Comm b)
{
    int *mark = calloc((size_t)mpr_state.size, sizeof(int));
    int same = 1;

    if (!mark) {
        return 0;
    }
    for (int r = 0; r < a->size; r++) {
        mark[mpr_comm_world_rank(a, r)] = 1;
    }
    for (int r = 0; r < b->size && same; r++) {
        same = mark[mpr_comm_world_rank(b, r)];
    }
    free(mark);
    return same;
}

#pragma weak MPI_Comm_compare = PMPI_Comm_compare
int PMPI_Comm_compare(MPI_Comm comm1, MPI_Comm comm2, int *result)
{
    static const char fn[] = "MPI_Comm_compare";
    int congruent = 1;

    mpr_api_require_init(fn);
    if (!mpr_api_comm_ok(comm1) || !mpr_api_comm_ok(comm2)) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_COMM, "%s: not a valid communicator",
                             mpr_api_comm_ok(comm1) ? "comm2" : "comm1");
    }
    if (!result) {
        return mpr_api_error(comm1, fn, MPI_ERR_ARG, "result: NULL output pointer");
    }
    if (comm1 == comm2) {
        *result = MPI_IDENT;
        return MPI_SUCCESS;
    }
    if (comm1->size != comm2->size) {
        *result = MPI_UNEQUAL;
        return MPI_SUCCESS;
    }
    for (int r = 0; r < comm1->size && congruent; r++) {
        congruent = mpr_comm_world_rank(comm1, r) == mpr_comm_world_rank(comm2, r);
    }
    *result = congruent ? MPI_CONGRUENT : same_members(comm1, comm2) ? MPI_SIMILAR : MPI_UNEQUAL;
    return MPI_SUCCESS;
}

#pragma weak MPI_Comm_dup = PMPI_Comm_dup
int PMPI_Comm_dup(MPI_Comm comm, MPI_Comm *newcomm)
{
    static const char fn[] = "MPI_Comm_dup";
    int rc = check_comm_out(comm, fn, newcomm, "newcomm");

    return rc ? rc : comm_result(comm, fn, mpr_comm_dup(comm, newcomm));
}

#pragma weak MPI_Comm_dup_with_info = PMPI_Comm_dup_with_info
int PMPI_Comm_dup_with_info(MPI_Comm comm, MPI_Info info, MPI_Comm *newcomm)
{
    static const char fn[] = "MPI_Comm_dup_with_info";
    int rc = check_comm_out(comm, fn, newcomm, "newcomm");

    if (rc) {
        return rc;
    }
    if (!mpr_info_valid(info)) {
        return mpr_api_error(comm, fn, MPI_ERR_INFO, "info: not a valid info object");
    }
    /* mpr knows no communicator hints: they are accepted and ignored, as the standard allows. */
    return comm_result(comm, fn, mpr_comm_dup(comm, newcomm));
}

/*
 * Runs the blocking dup and returns a request that is already complete: every member must call
 * MPI_Comm_idup in the same order anyway, and the agreement takes one small allreduce.
 */
#pragma weak MPI_Comm_idup = PMPI_Comm_idup
int PMPI_Comm_idup(MPI_Comm comm, MPI_Comm *newcomm, MPI_Request *request)
{
    static const char fn[] = "MPI_Comm_idup";
    struct mpr_request *req;
    int rc = check_comm_out(comm, fn, newcomm, "newcomm");

    if (rc) {
        return rc;
    }
    if (!request) {
        return mpr_api_error(comm, fn, MPI_ERR_ARG, "request: NULL output pointer");
    }
    req = mpr_request_new(MPR_REQ_DONE);
    if (!req) {
        return mpr_api_error(comm, fn, MPI_ERR_NO_MEM, "out of memory");
    }
    rc = mpr_comm_dup(comm, newcomm);
    if (rc != 0) {
        mpr_request_release(req);
        return comm_result(comm, fn, rc);
    }
    req->complete = 1;
    *request = req;
    return MPI_SUCCESS;
}

/*
 * The parent ranks of a group's members, in group order; -1 in *bad_index's slot when a member
 * is not in comm. NULL when out of memory.
 */
static int *group_to_comm_ranks(MPI_Comm comm, MPI_Group g, int *bad_index)
{
    int *inverse = malloc((size_t)mpr_state.size * sizeof(int));
    int *ranks = malloc((size_t)(g->size ? g->size : 1) * sizeof(int));

    *bad_index = -1;
    if (!inverse || !ranks) {
        free(inverse);
        free(ranks);
        return NULL;
    }
    for (int w = 0; w < mpr_state.size; w++) {
        inverse[w] = -1;
    }
    for (int r = 0; r < comm->size; r++) {
        inverse[mpr_comm_world_rank(comm, r)] = r;
    }
    for (int i = 0; i < g->size; i++) {
        ranks[i] = inverse[g->world_ranks[i]];
        if (ranks[i] < 0 && *bad_index < 0) {
            *bad_index = i;
        }
    }
    free(inverse);
    return ranks;
}

#pragma weak MPI_Comm_create = PMPI_Comm_create
int PMPI_Comm_create(MPI_Comm comm, MPI_Group group, MPI_Comm *newcomm)
{
    static const char fn[] = "MPI_Comm_create";
    int bad, *ranks, rc = check_comm_out(comm, fn, newcomm, "newcomm");

    if (rc) {
        return rc;
    }
    if (!mpr_group_valid(group)) {
        return mpr_api_error(comm, fn, MPI_ERR_GROUP, "group: not a valid group");
    }
    ranks = group_to_comm_ranks(comm, group, &bad);
    if (!ranks) {
        return mpr_api_error(comm, fn, MPI_ERR_NO_MEM, "out of memory");
    }
    if (bad >= 0) {
        free(ranks);
        return mpr_api_error(comm, fn, MPI_ERR_GROUP, "group: its rank %d is not a member of comm",
                             bad);
    }
    rc = mpr_comm_create_ranks(comm, group->size, ranks, newcomm);
    free(ranks);
    return comm_result(comm, fn, rc);
}

#pragma weak MPI_Comm_create_group = PMPI_Comm_create_group
int PMPI_Comm_create_group(MPI_Comm comm, MPI_Group group, int tag, MPI_Comm *newcomm)
{
    static const char fn[] = "MPI_Comm_create_group";
    int bad, *ranks, rc = check_comm_out(comm, fn, newcomm, "newcomm");

    if (rc) {
        return rc;
    }
    if (!mpr_group_valid(group)) {
        return mpr_api_error(comm, fn, MPI_ERR_GROUP, "group: not a valid group");
    }
    if (tag < 0) {
        return mpr_api_error(comm, fn, MPI_ERR_TAG, "tag: %d is negative", tag);
    }
    if (group->rank == MPI_UNDEFINED) {
        return mpr_api_error(comm, fn, MPI_ERR_GROUP,
                             "group: the calling process is not a member of it");
    }
    ranks = group_to_comm_ranks(comm, group, &bad);
    if (!ranks) {
        return mpr_api_error(comm, fn, MPI_ERR_NO_MEM, "out of memory");
    }
    free(ranks); /* only the membership check needs them: the group names world ranks */
    if (bad >= 0) {
        return mpr_api_error(comm, fn, MPI_ERR_GROUP, "group: its rank %d is not a member of comm",
                             bad);
    }
    rc = mpr_comm_create_group(comm, group->world_ranks, group->size, group->rank, tag, newcomm);
    return comm_result(comm, fn, rc);
}

#pragma weak MPI_Comm_split = PMPI_Comm_split
int PMPI_Comm_split(MPI_Comm comm, int color, int key, MPI_Comm *newcomm)
{
    static const char fn[] = "MPI_Comm_split";
    int rc = check_comm_out(comm, fn, newcomm, "newcomm");

    if (rc) {
        return rc;
    }
    if (color < 0 && color != MPI_UNDEFINED) {
        return mpr_api_error(comm, fn, MPI_ERR_ARG,
                             "color: %d is negative (only MPI_UNDEFINED may be)", color);
    }
    return comm_result(comm, fn, mpr_comm_split(comm, color, key, newcomm));
}

#pragma weak MPI_Comm_split_type = PMPI_Comm_split_type
int PMPI_Comm_split_type(MPI_Comm comm, int split_type, int key, MPI_Info info, MPI_Comm *newcomm)
{
    static const char fn[] = "MPI_Comm_split_type";
    int rc = check_comm_out(comm, fn, newcomm, "newcomm");

    (void)info; /* no split hints are known; MPI_INFO_NULL and any info object are accepted */
    if (rc) {
        return rc;
    }
    if (split_type != MPI_COMM_TYPE_SHARED && split_type != MPI_UNDEFINED) {
        return mpr_api_error(comm, fn, MPI_ERR_ARG,
                             "split_type: %d is neither MPI_COMM_TYPE_SHARED nor MPI_UNDEFINED",
                             split_type);
    }
    /* Processes share memory exactly when the launcher put them on the same node. */
    rc = mpr_comm_split(comm, split_type == MPI_UNDEFINED ? MPI_UNDEFINED : mpr_state.node_id, key,
                        newcomm);
    return comm_result(comm, fn, rc);
}

#pragma weak MPI_Comm_free = PMPI_Comm_free
int PMPI_Comm_free(MPI_Comm *comm)
{
    static const char fn[] = "MPI_Comm_free";
    int rc;

    mpr_api_require_init(fn);
    if (!comm || !mpr_api_comm_ok(*comm)) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_COMM, "comm: not a valid communicator");
    }
    if ((*comm)->predefined) {
        return mpr_api_error(*comm, fn, MPI_ERR_COMM, "comm: %s cannot be freed", (*comm)->name);
    }
    rc = mpr_comm_free(*comm);
    if (rc != 0) {
        return comm_result(*comm, fn, rc);
    }
    *comm = MPI_COMM_NULL;
    return MPI_SUCCESS;
}

#pragma weak MPI_Comm_test_inter = PMPI_Comm_test_inter
int PMPI_Comm_test_inter(MPI_Comm comm, int *flag)
{
    static const char fn[] = "MPI_Comm_test_inter";
    int rc = check_comm_out(comm, fn, flag, "flag");

    if (rc == MPI_SUCCESS) {
        *flag = 0; /* mpr has intracommunicators only */
    }
    return rc;
}

/* mpr knows no communicator hints: MPI_Comm_set_info accepts any and uses none. */
#pragma weak MPI_Comm_set_info = PMPI_Comm_set_info
int PMPI_Comm_set_info(MPI_Comm comm, MPI_Info info)
{
    static const char fn[] = "MPI_Comm_set_info";

    mpr_api_require_init(fn);
    if (!mpr_api_comm_ok(comm)) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_COMM, "comm: not a valid communicator");
    }
    if (!mpr_info_valid(info)) {
        return mpr_api_error(comm, fn, MPI_ERR_INFO, "info: not a valid info object");
    }
    return MPI_SUCCESS;
}

/* The hints in use: none, so a new empty info object the caller frees. */
#pragma weak MPI_Comm_get_info = PMPI_Comm_get_info
int PMPI_Comm_get_info(MPI_Comm comm, MPI_Info *info_used)
{
    static const char fn[] = "MPI_Comm_get_info";
    int rc = check_comm_out(comm, fn, info_used, "info_used");

    if (rc) {
        return rc;
    }
    return mpr_info_create(info_used) == 0
               ? MPI_SUCCESS
               : mpr_api_error(comm, fn, MPI_ERR_NO_MEM, "out of memory");
}

#pragma weak MPI_Comm_remote_size = PMPI_Comm_remote_size
int PMPI_Comm_remote_size(MPI_Comm comm, int *size)
{
    (void)comm;
    (void)size;
    return mpr_api_unsupported("MPI_Comm_remote_size");
}

#pragma weak MPI_Comm_remote_group = PMPI_Comm_remote_group
int PMPI_Comm_remote_group(MPI_Comm comm, MPI_Group *group)
{
    (void)comm;
    (void)group;
    return mpr_api_unsupported("MPI_Comm_remote_group");
}

#pragma weak MPI_Intercomm_create = PMPI_Intercomm_create
int PMPI_Intercomm_create(MPI_Comm local_comm, int local_leader, MPI_Comm peer_comm,
                          int remote_leader, int tag, MPI_Comm *newintercomm)
{
    (void)local_comm;
    (void)local_leader;
    (void)peer_comm;
    (void)remote_leader;
    (void)tag;
    (void)newintercomm;
    return mpr_api_unsupported("MPI_Intercomm_create");
}

#pragma weak MPI_Intercomm_merge = PMPI_Intercomm_merge
int PMPI_Intercomm_merge(MPI_Comm intercomm, int high, MPI_Comm *newintracomm)
{
    (void)intercomm;
    (void)high;
    (void)newintracomm;
    return mpr_api_unsupported("MPI_Intercomm_merge");
}

#pragma weak MPI_Comm_set_name = PMPI_Comm_set_name
int PMPI_Comm_set_name(MPI_Comm comm, const char *comm_name)
{
    mpr_api_require_init("MPI_Comm_set_name");
    if (!mpr_api_comm_ok(comm)) {
        return mpr_api_error(MPI_COMM_WORLD, "MPI_Comm_set_name", MPI_ERR_COMM,
                             "comm: not a valid communicator");
    }
    if (comm_name == NULL) {
        return mpr_api_error(comm, "MPI_Comm_set_name", MPI_ERR_ARG, "comm_name: NULL pointer");
    }
    mpr_api_copy_name(comm->name, comm_name);
    return MPI_SUCCESS;
}

#pragma weak MPI_Comm_get_name = PMPI_Comm_get_name
int PMPI_Comm_get_name(MPI_Comm comm, char *comm_name, int *resultlen)
{
    mpr_api_require_init("MPI_Comm_get_name");
    if (!mpr_api_comm_ok(comm)) {
        return mpr_api_error(MPI_COMM_WORLD, "MPI_Comm_get_name", MPI_ERR_COMM,
                             "comm: not a valid communicator");
    }
    if (comm_name == NULL || resultlen == NULL) {
        return mpr_api_error(comm, "MPI_Comm_get_name", MPI_ERR_ARG, "%s: NULL output pointer",
                             comm_name == NULL ? "comm_name" : "resultlen");
    }
    *resultlen = (int)mpr_api_copy_name(comm_name, comm->name);
    return MPI_SUCCESS;
}
