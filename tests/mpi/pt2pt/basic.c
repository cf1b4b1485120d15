/* basic: Send/Recv of every predefined datatype (count 1, 7, 1000) with value checks, Get_count
 * and Get_elements (MPI_UNDEFINED for a partial element), zero-byte messages, MPI_PROC_NULL,
 * MPI_STATUS_IGNORE and MPI_STATUSES_IGNORE. Rank 0 sends to rank size-1; any size >= 2. */
#include "pt.h"

#include <complex.h>
#include <float.h>
#include <stddef.h>
#include <wchar.h>

/* significant bytes of a long double (x86 extended precision keeps 10 of its 16) */
#define LDSIG ((LDBL_MANT_DIG == 64) ? 10 : (int)sizeof(long double))

typedef struct {
    const char *name;
    MPI_Datatype type;
    int extent;   /* bytes between elements in C memory */
    int elements; /* basic elements per item (2 for the pair types) */
    int nsig;     /* significant byte ranges of one item (padding is not compared) */
    struct {
        int off, len;
    } sig[2];
} tdesc;

struct float_int {
    float a;
    int b;
};
struct double_int {
    double a;
    int b;
};
struct long_int {
    long a;
    int b;
};
struct short_int {
    short a;
    int b;
};
struct long_double_int {
    long double a;
    int b;
};

#define T1(t, ctype)                                                                               \
    {                                                                                              \
#t, t, (int)sizeof(ctype), 1, 1,                                                           \
        {                                                                                          \
            {                                                                                      \
                0, (int)sizeof(ctype)                                                              \
            }                                                                                      \
        }                                                                                          \
    }
#define TN(t, bytes)                                                                               \
    {                                                                                              \
#t, t, bytes, 1, 1,                                                                        \
        {                                                                                          \
            {                                                                                      \
                0, bytes                                                                           \
            }                                                                                      \
        }                                                                                          \
    }
#define TPAIR(t, st, a, b)                                                                         \
    {                                                                                              \
#t, t, (int)sizeof(st), 2, 2,                                                              \
        {                                                                                          \
            {(int)offsetof(st, a), (int)sizeof(((st *)0)->a)},                                     \
            {                                                                                      \
                (int)offsetof(st, b), (int)sizeof(((st *)0)->b)                                    \
            }                                                                                      \
        }                                                                                          \
    }

enum { RCVEXTRA = 3, TAG = 42 };

int main(int argc, char **argv)
{
    tc_init(&argc, &argv, "basic");
    pt_need_size(2);
    const int src = 0, dst = tc_size - 1;

    const tdesc types[] = {
        T1(MPI_CHAR, char),
        T1(MPI_SHORT, short),
        T1(MPI_INT, int),
        T1(MPI_LONG, long),
        T1(MPI_LONG_LONG_INT, long long),
        T1(MPI_LONG_LONG, long long),
        T1(MPI_SIGNED_CHAR, signed char),
        T1(MPI_UNSIGNED_CHAR, unsigned char),
        T1(MPI_UNSIGNED_SHORT, unsigned short),
        T1(MPI_UNSIGNED, unsigned),
        T1(MPI_UNSIGNED_LONG, unsigned long),
        T1(MPI_UNSIGNED_LONG_LONG, unsigned long long),
        T1(MPI_FLOAT, float),
        T1(MPI_DOUBLE, double),
        {"MPI_LONG_DOUBLE", MPI_LONG_DOUBLE, (int)sizeof(long double), 1, 1, {{0, LDSIG}}},
        T1(MPI_WCHAR, wchar_t),
        T1(MPI_C_BOOL, _Bool),
        T1(MPI_INT8_T, int8_t),
        T1(MPI_INT16_T, int16_t),
        T1(MPI_INT32_T, int32_t),
        T1(MPI_INT64_T, int64_t),
        T1(MPI_UINT8_T, uint8_t),
        T1(MPI_UINT16_T, uint16_t),
        T1(MPI_UINT32_T, uint32_t),
        T1(MPI_UINT64_T, uint64_t),
        T1(MPI_AINT, MPI_Aint),
        T1(MPI_COUNT, MPI_Count),
        T1(MPI_OFFSET, MPI_Offset),
        T1(MPI_C_FLOAT_COMPLEX, float _Complex),
        T1(MPI_C_COMPLEX, float _Complex),
        T1(MPI_C_DOUBLE_COMPLEX, double _Complex),
        {"MPI_C_LONG_DOUBLE_COMPLEX",
         MPI_C_LONG_DOUBLE_COMPLEX,
         (int)sizeof(long double _Complex),
         1,
         2,
         {{0, LDSIG}, {(int)sizeof(long double), LDSIG}}},
        TN(MPI_BYTE, 1),
        TN(MPI_PACKED, 1),
        TPAIR(MPI_FLOAT_INT, struct float_int, a, b),
        TPAIR(MPI_DOUBLE_INT, struct double_int, a, b),
        TPAIR(MPI_LONG_INT, struct long_int, a, b),
        TPAIR(MPI_SHORT_INT, struct short_int, a, b),
        {"MPI_LONG_DOUBLE_INT",
         MPI_LONG_DOUBLE_INT,
         (int)sizeof(struct long_double_int),
         2,
         2,
         {{0, LDSIG}, {(int)offsetof(struct long_double_int, b), (int)sizeof(int)}}},
        {"MPI_2INT",
         MPI_2INT,
         2 * (int)sizeof(int),
         2,
         2,
         {{0, (int)sizeof(int)}, {(int)sizeof(int), (int)sizeof(int)}}},
        /* Fortran types described from C (gfortran defaults) */
        TN(MPI_CHARACTER, 1),
        TN(MPI_INTEGER, 4),
        TN(MPI_REAL, 4),
        TN(MPI_DOUBLE_PRECISION, 8),
        TN(MPI_LOGICAL, 4),
        TN(MPI_COMPLEX, 8),
        TN(MPI_DOUBLE_COMPLEX, 16),
        {"MPI_2INTEGER", MPI_2INTEGER, 8, 2, 2, {{0, 4}, {4, 4}}},
        {"MPI_2REAL", MPI_2REAL, 8, 2, 2, {{0, 4}, {4, 4}}},
        {"MPI_2DOUBLE_PRECISION", MPI_2DOUBLE_PRECISION, 16, 2, 2, {{0, 8}, {8, 8}}},
        TN(MPI_INTEGER1, 1),
        TN(MPI_INTEGER2, 2),
        TN(MPI_INTEGER4, 4),
        TN(MPI_INTEGER8, 8),
        TN(MPI_REAL4, 4),
        TN(MPI_REAL8, 8),
        TN(MPI_COMPLEX8, 8),
        TN(MPI_COMPLEX16, 16),
        TN(MPI_CXX_BOOL, 1),
        TN(MPI_CXX_FLOAT_COMPLEX, 8),
        TN(MPI_CXX_DOUBLE_COMPLEX, 16),
        {"MPI_CXX_LONG_DOUBLE_COMPLEX",
         MPI_CXX_LONG_DOUBLE_COMPLEX,
         (int)sizeof(long double _Complex),
         1,
         2,
         {{0, LDSIG}, {(int)sizeof(long double), LDSIG}}},
    };
    const int ntypes = (int)(sizeof types / sizeof types[0]);
    const int counts[] = {1, 7, 1000};

    /* every predefined type: values, Get_count, Get_elements, nothing written past the data */
    for (int ti = 0; ti < ntypes; ti++) {
        const tdesc *d = &types[ti];
        MPI_Aint lb, ext;
        TC_OK(MPI_Type_get_extent(d->type, &lb, &ext));
        TC_CHECK(lb == 0 && ext == d->extent, "%s: extent %ld (lb %ld), expected %d", d->name,
                 (long)ext, (long)lb, d->extent);
        for (int ci = 0; ci < 3; ci++) {
            int count = counts[ci];
            size_t bytes = (size_t)count * d->extent,
                   rbytes = (size_t)(count + RCVEXTRA) * d->extent;
            uint64_t seed = (uint64_t)ti * 131 + ci;
            if (tc_rank == src) {
                unsigned char *sbuf = pt_malloc(bytes);
                pt_fill(sbuf, bytes, seed);
                TC_OK(MPI_Send(sbuf, count, d->type, dst, TAG + ci, MPI_COMM_WORLD));
                free(sbuf);
            } else if (tc_rank == dst) {
                unsigned char *ref = pt_malloc(bytes), *rbuf = pt_malloc(rbytes);
                pt_fill(ref, bytes, seed);
                memset(rbuf, 0xee, rbytes);
                MPI_Status st;
                TC_OK(
                    MPI_Recv(rbuf, count + RCVEXTRA, d->type, src, TAG + ci, MPI_COMM_WORLD, &st));
                char what[96];
                snprintf(what, sizeof what, "%s count %d", d->name, count);
                pt_check_status(&st, src, TAG + ci, d->type, count, what);
                /* MPI_Get_elements on the pair types is not portable: the standard defines them
                 * as structs of two basic elements (2 per item), Open MPI 4.1 counts 1 per item
                 * and MPICH 4.0 divides by zero; so only the single-element types are asked. */
                if (d->elements == 1) {
                    int el = -1;
                    TC_OK(MPI_Get_elements(&st, d->type, &el));
                    TC_CHECK(el == count, "%s: MPI_Get_elements %d, expected %d", what, el, count);
                    MPI_Count elx = -1;
                    TC_OK(MPI_Get_elements_x(&st, d->type, &elx));
                    TC_CHECK(elx == (MPI_Count)count, "%s: MPI_Get_elements_x %lld", what,
                             (long long)elx);
                }
                for (int i = 0; i < count; i++)
                    for (int s = 0; s < d->nsig; s++) {
                        size_t o = (size_t)i * d->extent + d->sig[s].off;
                        TC_CHECK(memcmp(rbuf + o, ref + o, d->sig[s].len) == 0,
                                 "%s: item %d (bytes %zu..%zu) differs", what, i, o,
                                 o + d->sig[s].len - 1);
                    }
                for (size_t o = bytes; o < rbytes; o++)
                    TC_CHECK(rbuf[o] == 0xee, "%s: byte %zu past the message was written", what, o);
                free(ref);
                free(rbuf);
            }
        }
    }

    /* 5 bytes received as MPI_INT: count and elements are MPI_UNDEFINED */
    if (tc_rank == src) {
        char five[5] = {1, 2, 3, 4, 5};
        TC_OK(MPI_Send(five, 5, MPI_BYTE, dst, 5, MPI_COMM_WORLD));
    } else if (tc_rank == dst) {
        int ibuf[4] = {0};
        MPI_Status st;
        TC_OK(MPI_Recv(ibuf, 4, MPI_INT, src, 5, MPI_COMM_WORLD, &st));
        int c = 0, e = 0;
        TC_OK(MPI_Get_count(&st, MPI_INT, &c));
        TC_CHECK(c == MPI_UNDEFINED, "5 bytes as MPI_INT: MPI_Get_count %d, expected MPI_UNDEFINED",
                 c);
        TC_OK(MPI_Get_elements(&st, MPI_INT, &e));
        TC_CHECK(e == MPI_UNDEFINED,
                 "5 bytes as MPI_INT: MPI_Get_elements %d, expected MPI_UNDEFINED", e);
        TC_OK(MPI_Get_count(&st, MPI_BYTE, &c));
        TC_CHECK(c == 5, "5 bytes: MPI_Get_count(MPI_BYTE) %d", c);
        TC_CHECK(memcmp(ibuf, "\1\2\3\4\5", 5) == 0, "5 bytes: wrong data");
    }

    /* zero-byte messages: NULL buffers with count 0, and count 0 into a real buffer */
    if (tc_rank == src) {
        int x = 7;
        TC_OK(MPI_Send(NULL, 0, MPI_INT, dst, 10, MPI_COMM_WORLD));
        TC_OK(MPI_Send(&x, 0, MPI_DOUBLE, dst, 11, MPI_COMM_WORLD));
        TC_OK(MPI_Send(NULL, 0, MPI_BYTE, dst, 12, MPI_COMM_WORLD));
    } else if (tc_rank == dst) {
        MPI_Status st;
        double dbuf[4] = {1, 2, 3, 4};
        TC_OK(MPI_Recv(NULL, 0, MPI_INT, src, 10, MPI_COMM_WORLD, &st));
        pt_check_status(&st, src, 10, MPI_INT, 0, "zero-byte into NULL");
        TC_OK(MPI_Recv(dbuf, 4, MPI_DOUBLE, MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &st));
        pt_check_status(&st, src, 11, MPI_DOUBLE, 0, "zero-byte into buffer");
        int e = -1;
        TC_OK(MPI_Get_elements(&st, MPI_DOUBLE, &e));
        TC_CHECK(e == 0, "zero-byte: MPI_Get_elements %d", e);
        TC_CHECK(dbuf[0] == 1 && dbuf[3] == 4, "zero-byte message wrote into the buffer");
        MPI_Request rq;
        TC_OK(MPI_Irecv(NULL, 0, MPI_BYTE, src, 12, MPI_COMM_WORLD, &rq));
        TC_OK(MPI_Wait(&rq, &st));
        TC_CHECK(rq == MPI_REQUEST_NULL, "Wait did not free the request");
        pt_check_status(&st, src, 12, MPI_BYTE, 0, "zero-byte Irecv");
    }

    /* MPI_PROC_NULL as destination and source, blocking and nonblocking */
    {
        int buf[3] = {1, 2, 3};
        MPI_Status st;
        TC_OK(MPI_Send(buf, 3, MPI_INT, MPI_PROC_NULL, 1, MPI_COMM_WORLD));
        TC_OK(MPI_Ssend(buf, 3, MPI_INT, MPI_PROC_NULL, 1, MPI_COMM_WORLD));
        memset(&st, 0x5a, sizeof st);
        TC_OK(MPI_Recv(buf, 3, MPI_INT, MPI_PROC_NULL, 1, MPI_COMM_WORLD, &st));
        pt_check_status(&st, MPI_PROC_NULL, MPI_ANY_TAG, MPI_INT, 0, "Recv from MPI_PROC_NULL");
        TC_CHECK(buf[0] == 1 && buf[2] == 3, "Recv from MPI_PROC_NULL changed the buffer");
        MPI_Request rq[2];
        MPI_Status sts[2];
        TC_OK(MPI_Isend(buf, 3, MPI_INT, MPI_PROC_NULL, 2, MPI_COMM_WORLD, &rq[0]));
        TC_OK(MPI_Irecv(buf, 3, MPI_INT, MPI_PROC_NULL, MPI_ANY_TAG, MPI_COMM_WORLD, &rq[1]));
        TC_OK(MPI_Waitall(2, rq, sts));
#if defined(MPICH_NUMVERSION) && MPICH_NUMVERSION < 40200000
        /* MPICH before 4.2 leaves source and tag at 0 here (pmodels/mpich#6805, fixed by #6819) */
#else
        pt_check_status(&sts[1], MPI_PROC_NULL, MPI_ANY_TAG, MPI_INT, 0,
                        "Irecv from MPI_PROC_NULL");
#endif
        int sbuf = 9, rbuf = 4;
        TC_OK(MPI_Sendrecv(&sbuf, 1, MPI_INT, MPI_PROC_NULL, 3, &rbuf, 1, MPI_INT, MPI_PROC_NULL, 3,
                           MPI_COMM_WORLD, &st));
        pt_check_status(&st, MPI_PROC_NULL, MPI_ANY_TAG, MPI_INT, 0, "Sendrecv with MPI_PROC_NULL");
        TC_CHECK(rbuf == 4, "Sendrecv from MPI_PROC_NULL changed the buffer");
    }

    /* MPI_STATUS_IGNORE and MPI_STATUSES_IGNORE */
    if (tc_rank == src) {
        int v[3] = {100, 200, 300};
        TC_OK(MPI_Send(&v[0], 1, MPI_INT, dst, 20, MPI_COMM_WORLD));
        TC_OK(MPI_Send(&v[1], 1, MPI_INT, dst, 21, MPI_COMM_WORLD));
        TC_OK(MPI_Send(&v[2], 1, MPI_INT, dst, 22, MPI_COMM_WORLD));
    } else if (tc_rank == dst) {
        int v[3] = {0, 0, 0};
        MPI_Request rq[2];
        TC_OK(MPI_Recv(&v[0], 1, MPI_INT, src, 20, MPI_COMM_WORLD, MPI_STATUS_IGNORE));
        TC_OK(MPI_Irecv(&v[1], 1, MPI_INT, src, 21, MPI_COMM_WORLD, &rq[0]));
        TC_OK(MPI_Irecv(&v[2], 1, MPI_INT, src, 22, MPI_COMM_WORLD, &rq[1]));
        TC_OK(MPI_Waitall(2, rq, MPI_STATUSES_IGNORE));
        TC_CHECK(v[0] == 100 && v[1] == 200 && v[2] == 300, "STATUS_IGNORE receives: %d %d %d",
                 v[0], v[1], v[2]);
    }

    TC_OK(MPI_Barrier(MPI_COMM_WORLD));
    TC_OK(MPI_Finalize());
    return 0;
}
