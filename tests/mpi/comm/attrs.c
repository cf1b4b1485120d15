/* attrs: communicator keyvals and attributes with copy and delete callbacks (MPI 3.1 6.7):
 * copy on dup (callback's flag decides), MPI_COMM_NULL_COPY_FN / MPI_COMM_DUP_FN, delete on
 * free, on delete_attr and when set_attr replaces a value, a keyval freed while still in use,
 * a copy callback that fails makes MPI_Comm_dup fail with its code, the MPI-1 names, and the
 * predefined attributes on a derived communicator. Any size. */
#include "../check.h"

static int copies, deletes;
static void *last_deleted;

static int count_copy(MPI_Comm old, int key, void *extra, void *in, void *out, int *flag)
{
    (void)old;
    (void)key;
    TC_CHECK(extra == &copies, "copy callback got the wrong extra_state");
    copies++;
    *(void **)out = (char *)in + 1; /* the copy is visibly different */
    *flag = 1;
    return MPI_SUCCESS;
}

static int count_delete(MPI_Comm c, int key, void *val, void *extra)
{
    (void)c;
    (void)key;
    (void)extra;
    deletes++;
    last_deleted = val;
    return MPI_SUCCESS;
}

static int failing_copy(MPI_Comm old, int key, void *extra, void *in, void *out, int *flag)
{
    (void)old;
    (void)key;
    (void)extra;
    (void)in;
    (void)out;
    *flag = 0;
    return MPI_ERR_OTHER;
}

static void callbacks(void)
{
    static char base[16];
    int key, flag = 0;
    void *val = NULL;
    MPI_Comm a, b;
    TC_OK(MPI_Comm_create_keyval(count_copy, count_delete, &key, &copies));
    TC_OK(MPI_Comm_dup(MPI_COMM_WORLD, &a));
    TC_OK(MPI_Comm_get_attr(a, key, &val, &flag));
    TC_CHECK(flag == 0, "an attribute that was never set is found");
    TC_OK(MPI_Comm_set_attr(a, key, base));
    TC_OK(MPI_Comm_set_attr(a, key, base + 2)); /* replaces: deletes the old value */
    TC_CHECK(deletes == 1 && last_deleted == base, "replacing a value: %d deletes", deletes);
    TC_OK(MPI_Comm_dup(a, &b));
    TC_CHECK(copies == 1, "dup ran the copy callback %d times", copies);
    TC_OK(MPI_Comm_get_attr(b, key, &val, &flag));
    TC_CHECK(flag && val == base + 3, "dup's attribute is %p (flag %d)", val, flag);
    TC_OK(MPI_Comm_delete_attr(b, key));
    TC_CHECK(deletes == 2 && last_deleted == base + 3, "delete_attr: %d deletes", deletes);
    TC_OK(MPI_Comm_get_attr(b, key, &val, &flag));
    TC_CHECK(!flag, "a deleted attribute is still found");
    /* the keyval freed while a's attribute uses it: the delete callback still runs at free */
    TC_OK(MPI_Comm_free_keyval(&key));
    TC_CHECK(key == MPI_KEYVAL_INVALID, "free_keyval did not reset the key");
    TC_OK(MPI_Comm_free(&a));
    TC_CHECK(deletes == 3 && last_deleted == base + 2, "free: %d deletes", deletes);
    TC_OK(MPI_Comm_free(&b));
    TC_CHECK(deletes == 3, "b had no attribute left, yet %d deletes", deletes);
}

static void predefined_copy_fns(void)
{
    int knull, kdup, flag = 0, v = 42;
    void *val;
    MPI_Comm a, b;
    TC_OK(MPI_Comm_create_keyval(MPI_COMM_NULL_COPY_FN, MPI_COMM_NULL_DELETE_FN, &knull, NULL));
    TC_OK(MPI_Comm_create_keyval(MPI_COMM_DUP_FN, MPI_COMM_NULL_DELETE_FN, &kdup, NULL));
    TC_OK(MPI_Comm_dup(MPI_COMM_WORLD, &a));
    TC_OK(MPI_Comm_set_attr(a, knull, &v));
    TC_OK(MPI_Comm_set_attr(a, kdup, &v));
    TC_OK(MPI_Comm_dup(a, &b));
    TC_OK(MPI_Comm_get_attr(b, knull, &val, &flag));
    TC_CHECK(!flag, "MPI_COMM_NULL_COPY_FN copied the attribute");
    TC_OK(MPI_Comm_get_attr(b, kdup, &val, &flag));
    TC_CHECK(flag && val == &v, "MPI_COMM_DUP_FN did not copy the attribute");
    TC_OK(MPI_Comm_get_attr(b, MPI_TAG_UB, &val, &flag));
    TC_CHECK(flag && *(int *)val >= 32767, "MPI_TAG_UB on a dup: flag %d", flag);
    TC_OK(MPI_Comm_free(&b));
    TC_OK(MPI_Comm_free(&a));
    TC_OK(MPI_Comm_free_keyval(&knull));
    TC_OK(MPI_Comm_free_keyval(&kdup));
}

static void failing_dup(void)
{
    int key, rc;
    MPI_Comm a, b = MPI_COMM_NULL;
    TC_OK(MPI_Comm_create_keyval(failing_copy, MPI_COMM_NULL_DELETE_FN, &key, NULL));
    TC_OK(MPI_Comm_dup(MPI_COMM_WORLD, &a));
    TC_OK(MPI_Comm_set_errhandler(a, MPI_ERRORS_RETURN));
    TC_OK(MPI_Comm_set_attr(a, key, &key));
    rc = MPI_Comm_dup(a, &b);
    TC_CHECK(rc != MPI_SUCCESS, "dup succeeded although the copy callback failed");
    TC_OK(MPI_Comm_free(&a));
    TC_OK(MPI_Comm_free_keyval(&key));
}

static void mpi1_names(void)
{
    int key, flag = 0, v = 7;
    void *val;
    TC_OK(MPI_Keyval_create(MPI_NULL_COPY_FN, MPI_NULL_DELETE_FN, &key, NULL));
    TC_OK(MPI_Attr_put(MPI_COMM_WORLD, key, &v));
    TC_OK(MPI_Attr_get(MPI_COMM_WORLD, key, &val, &flag));
    TC_CHECK(flag && val == &v, "MPI_Attr_get after MPI_Attr_put");
    TC_OK(MPI_Attr_delete(MPI_COMM_WORLD, key));
    TC_OK(MPI_Keyval_free(&key));
}

int main(int argc, char **argv)
{
    tc_init(&argc, &argv, "comm-attrs");
    callbacks();
    predefined_copy_fns();
    failing_dup();
    mpi1_names();
    TC_OK(MPI_Finalize());
    if (tc_rank == 0)
        printf("comm attrs ok\n");
    return 0;
}
