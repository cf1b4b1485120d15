#include "comm/attr.h"

#include "core/errcode.h"

#include <stdlib.h>

struct keyval {
    int live;  /* created and not freed by the user */
    int users; /* attributes set with it, plus 1 while live: the entry is reusable at 0 */
    MPI_Comm_copy_attr_function *copy;
    MPI_Comm_delete_attr_function *del;
    void *extra;
};

static struct keyval *table;
static int ntable;

static struct keyval *lookup(int keyval)
{
    int i = keyval - MPR_KEYVAL_BASE;

    return i >= 0 && i < ntable && table[i].users > 0 ? &table[i] : NULL;
}

static void unuse(struct keyval *k)
{
    k->users--;
}

int mpr_keyval_create_comm(MPI_Comm_copy_attr_function *copy, MPI_Comm_delete_attr_function *del,
                           void *extra, int *keyval)
{
    int i;

    for (i = 0; i < ntable && table[i].users > 0; i++) {
    }
    if (i == ntable) {
        int n = ntable ? 2 * ntable : 16;
        struct keyval *grown = realloc(table, (size_t)n * sizeof(*grown));
        if (!grown) {
            return -MPR_ERR_NOMEM;
        }
        for (int j = ntable; j < n; j++) {
            grown[j] = (struct keyval){0};
        }
        table = grown;
        ntable = n;
    }
    table[i] = (struct keyval){.live = 1, .users = 1, .copy = copy, .del = del, .extra = extra};
    *keyval = i + MPR_KEYVAL_BASE;
    return 0;
}

int mpr_keyval_ok(int keyval)
{
    struct keyval *k = lookup(keyval);

    return k != NULL && k->live;
}

void mpr_keyval_free(int keyval)
{
    struct keyval *k = lookup(keyval);

    if (k && k->live) {
        k->live = 0;
        unuse(k);
    }
}

static struct mpr_attr **find(struct mpr_attr **list, int keyval)
{
    while (*list && (*list)->keyval != keyval) {
        list = &(*list)->next;
    }
    return list;
}

/* Run the delete callback for one attribute value. */
static int run_delete(MPI_Comm obj, int keyval, void *value, int *cb_rc)
{
    struct keyval *k = lookup(keyval);
    int rc = k && k->del ? k->del(obj, keyval, value, k->extra) : MPI_SUCCESS;

    if (rc != MPI_SUCCESS) {
        *cb_rc = rc;
        return -MPR_ERR_CALLBACK;
    }
    return 0;
}

int mpr_attr_set(MPI_Comm obj, struct mpr_attr **list, int keyval, void *value, int *cb_rc)
{
    struct mpr_attr **at = find(list, keyval);
    int rc;

    if (*at) {
        /* Replacing a value deletes the old one first (MPI 3.1, 6.7.2). */
        rc = run_delete(obj, keyval, (*at)->value, cb_rc);
        if (rc == 0) {
            (*at)->value = value;
        }
        return rc;
    }
    *at = malloc(sizeof(**at));
    if (!*at) {
        return -MPR_ERR_NOMEM;
    }
    **at = (struct mpr_attr){.keyval = keyval, .value = value};
    lookup(keyval)->users++;
    return 0;
}

int mpr_attr_get(const struct mpr_attr *list, int keyval, void **value)
{
    for (; list; list = list->next) {
        if (list->keyval == keyval) {
            *value = list->value;
            return 1;
        }
    }
    return 0;
}

int mpr_attr_delete(MPI_Comm obj, struct mpr_attr **list, int keyval, int *cb_rc)
{
    struct mpr_attr **at = find(list, keyval);
    struct mpr_attr *a = *at;
    int rc;

    if (!a) {
        return -MPR_ERR_NOENT;
    }
    rc = run_delete(obj, keyval, a->value, cb_rc);
    if (rc == 0) {
        *at = a->next;
        unuse(lookup(keyval));
        free(a);
    }
    return rc;
}

int mpr_attr_copy_all(MPI_Comm old, const struct mpr_attr *src, struct mpr_attr **dst, int *cb_rc)
{
    struct mpr_attr *head = NULL, **tail = &head;
    int rc = 0;

    for (; src && rc == 0; src = src->next) {
        struct keyval *k = lookup(src->keyval);
        void *copied = NULL;
        int flag = 0, urc;

        if (!k->copy) {
            continue;
        }
        urc = k->copy(old, src->keyval, k->extra, src->value, &copied, &flag);
        if (urc != MPI_SUCCESS) {
            *cb_rc = urc;
            rc = -MPR_ERR_CALLBACK;
        } else if (flag) {
            *tail = malloc(sizeof(**tail));
            if (!*tail) {
                rc = -MPR_ERR_NOMEM;
                break;
            }
            **tail = (struct mpr_attr){.keyval = src->keyval, .value = copied};
            tail = &(*tail)->next;
            k->users++;
        }
    }
    if (rc != 0) {
        /* The new object never existed for the user: drop the copies without callbacks. */
        while (head) {
            struct mpr_attr *next = head->next;
            unuse(lookup(head->keyval));
            free(head);
            head = next;
        }
        return rc;
    }
    *dst = head;
    return 0;
}

int mpr_attr_delete_all(MPI_Comm obj, struct mpr_attr **list, int *cb_rc)
{
    int rc = 0;

    /* Newest first, so an attribute set later (which may depend on earlier ones) goes first. */
    while (*list && rc == 0) {
        struct mpr_attr **last = list;
        while ((*last)->next) {
            last = &(*last)->next;
        }
        rc = mpr_attr_delete(obj, list, (*last)->keyval, cb_rc);
    }
    return rc;
}
