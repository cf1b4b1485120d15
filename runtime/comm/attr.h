/*
 * Attribute caching (MPI 3.1 section 6.7): keyvals and the attributes set on objects with them.
 * Keyvals live in one table; an id is its index + MPR_KEYVAL_BASE, so it can never be one of
 * the predefined attribute keys (MPI_TAG_UB ... MPI_LASTUSEDCODE). A keyval freed by the user
 * stays in the table until no attribute uses it. Each object keeps its attributes in a list, in
 * the order they were set. Only communicators carry user attributes so far.
 */
#ifndef MPR_ATTR_H
#define MPR_ATTR_H

#include <mpi.h>

#define MPR_KEYVAL_BASE 64

struct mpr_attr {
    int keyval;
    void *value;
    struct mpr_attr *next;
};

/*
 * Results: 0; -MPR_ERR_NOMEM; -MPR_ERR_NOENT (no such attribute); -MPR_ERR_CALLBACK when a user
 * callback failed, with the code it returned in *cb_rc (the API returns that code).
 */
int mpr_keyval_create_comm(MPI_Comm_copy_attr_function *copy, MPI_Comm_delete_attr_function *del,
                           void *extra, int *keyval);
/* Whether keyval is a live (not yet freed by the user) communicator keyval. */
int mpr_keyval_ok(int keyval);
/* MPI_Comm_free_keyval: the id is dead for the user at once, the entry goes with its last use. */
void mpr_keyval_free(int keyval);

int mpr_attr_set(MPI_Comm obj, struct mpr_attr **list, int keyval, void *value, int *cb_rc);
/* 1 and *value when set, 0 when not. */
int mpr_attr_get(const struct mpr_attr *list, int keyval, void **value);
int mpr_attr_delete(MPI_Comm obj, struct mpr_attr **list, int keyval, int *cb_rc);
/* MPI_Comm_dup: run every copy callback of old's attributes; *dst gets those they keep. */
int mpr_attr_copy_all(MPI_Comm old, const struct mpr_attr *src, struct mpr_attr **dst, int *cb_rc);
/* MPI_Comm_free: delete every attribute (callbacks run in reverse order of setting). */
int mpr_attr_delete_all(MPI_Comm obj, struct mpr_attr **list, int *cb_rc);

#endif
