/* errors.c — error classes of the datatype calls under MPI_ERRORS_RETURN: negative counts and
 * block lengths in constructors, bad subarray arguments, MPI_DATATYPE_NULL, an uncommitted type
 * in communication, freeing a predefined type, get_contents of a predefined type, MPI_Pack and
 * MPI_Unpack past the end of the buffer. Where the standard leaves the class open between
 * MPI_ERR_COUNT and MPI_ERR_ARG, either is accepted. */
#include "dt.h"

static void constructors(void)
{
    MPI_Datatype t = MPI_DATATYPE_NULL;
    int bl[2] = {1, -1}, ix[2] = {0, 4}, sz[2] = {4, 4}, sub[2] = {2, 2}, st[2] = {0, 0};
    MPI_Aint ad[2] = {0, 16};
    MPI_Datatype ts[2] = {MPI_INT, MPI_DATATYPE_NULL};

    dt_expect2(MPI_Type_contiguous(-1, MPI_INT, &t), MPI_ERR_COUNT, MPI_ERR_ARG,
               "contiguous count -1");
    dt_expect2(MPI_Type_vector(-2, 1, 1, MPI_INT, &t), MPI_ERR_COUNT, MPI_ERR_ARG,
               "vector count -2");
    dt_expect2(MPI_Type_vector(2, -1, 1, MPI_INT, &t), MPI_ERR_COUNT, MPI_ERR_ARG,
               "vector blocklength -1");
    dt_expect2(MPI_Type_create_hvector(-1, 1, 8, MPI_INT, &t), MPI_ERR_COUNT, MPI_ERR_ARG,
               "hvector count -1");
    dt_expect2(MPI_Type_indexed(-1, bl, ix, MPI_INT, &t), MPI_ERR_COUNT, MPI_ERR_ARG,
               "indexed count -1");
    dt_expect2(MPI_Type_indexed(2, bl, ix, MPI_INT, &t), MPI_ERR_COUNT, MPI_ERR_ARG,
               "indexed blocklength -1");
    dt_expect2(MPI_Type_create_hindexed(2, bl, ad, MPI_INT, &t), MPI_ERR_COUNT, MPI_ERR_ARG,
               "hindexed blocklength -1");
    dt_expect2(MPI_Type_create_indexed_block(-3, 1, ix, MPI_INT, &t), MPI_ERR_COUNT, MPI_ERR_ARG,
               "indexed_block count -3");
    dt_expect2(MPI_Type_create_hindexed_block(2, -1, ad, MPI_INT, &t), MPI_ERR_COUNT, MPI_ERR_ARG,
               "hindexed_block blocklength -1");
    dt_expect2(MPI_Type_create_struct(-1, bl, ad, ts, &t), MPI_ERR_COUNT, MPI_ERR_ARG,
               "struct count -1");
    dt_expect(MPI_Type_contiguous(2, MPI_DATATYPE_NULL, &t), MPI_ERR_TYPE,
              "contiguous of MPI_DATATYPE_NULL");
    dt_expect(MPI_Type_create_struct(2, ix, ad, ts, &t), MPI_ERR_TYPE,
              "struct with MPI_DATATYPE_NULL");

    /* subarrays: subsizes within sizes, starts keep the box inside, a valid order */
#ifndef MPICH_VERSION /* MPICH 4.0 as Debian builds it does not check these */
    int badsub[2] = {5, 2}, badst[2] = {3, 0}, zero[2] = {0, 4};
    dt_expect(MPI_Type_create_subarray(2, sz, badsub, st, MPI_ORDER_C, MPI_INT, &t), MPI_ERR_ARG,
              "subarray subsize larger than size");
    dt_expect(MPI_Type_create_subarray(2, sz, sub, badst, MPI_ORDER_C, MPI_INT, &t), MPI_ERR_ARG,
              "subarray sticking out of the array");
    dt_expect(MPI_Type_create_subarray(2, zero, sub, st, MPI_ORDER_C, MPI_INT, &t), MPI_ERR_ARG,
              "subarray of size 0");
    dt_expect(MPI_Type_create_subarray(2, sz, sub, st, 7, MPI_INT, &t), MPI_ERR_ARG,
              "subarray order 7");
#ifndef OPEN_MPI /* Open MPI 4.1 accepts ndims 0 */
    dt_expect(MPI_Type_create_subarray(0, sz, sub, st, MPI_ORDER_C, MPI_INT, &t), MPI_ERR_ARG,
              "subarray of 0 dimensions");
#endif
    TC_CHECK(t == MPI_DATATYPE_NULL, "a failed constructor set newtype");
#endif
}

static void usage(void)
{
    MPI_Datatype t, dint = MPI_INT;
    int buf[8] = {0}, ints[4], pos;
    MPI_Aint addrs[4];
    MPI_Datatype types[4];
    char packed[16];

    /* an uncommitted type in communication */
    TC_OK(MPI_Type_vector(2, 1, 2, MPI_INT, &t));
    dt_expect(MPI_Send(buf, 1, t, MPI_PROC_NULL, 0, MPI_COMM_WORLD), MPI_ERR_TYPE,
              "MPI_Send with an uncommitted type");
    dt_expect(MPI_Recv(buf, 1, t, MPI_PROC_NULL, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE),
              MPI_ERR_TYPE, "MPI_Recv with an uncommitted type");
    dt_expect(MPI_Bcast(buf, 1, t, 0, MPI_COMM_WORLD), MPI_ERR_TYPE,
              "MPI_Bcast with an uncommitted type");
    TC_OK(MPI_Type_commit(&t));
    TC_OK(MPI_Send(buf, 1, t, MPI_PROC_NULL, 0, MPI_COMM_WORLD));

    /* predefined types cannot be freed and have no contents */
    dt_expect(MPI_Type_free(&dint), MPI_ERR_TYPE, "MPI_Type_free(MPI_INT)");
#ifdef OPEN_MPI /* Open MPI 4.1 says MPI_ERR_INTERN */
    TC_CHECK(MPI_Type_get_contents(MPI_INT, 4, 4, 4, ints, addrs, types) != MPI_SUCCESS,
             "get_contents of MPI_INT succeeded");
#else
    dt_expect(MPI_Type_get_contents(MPI_INT, 4, 4, 4, ints, addrs, types), MPI_ERR_TYPE,
              "get_contents of MPI_INT");
#endif

    /* packing past the end of the buffer */
#ifndef MPICH_VERSION /* MPICH 4.0 as Debian builds it does not check: it would overrun packed */
    pos = 0;
    dt_expect(MPI_Pack(buf, 8, MPI_INT, packed, 16, &pos, MPI_COMM_WORLD), MPI_ERR_TRUNCATE,
              "MPI_Pack of 32 bytes into 16");
    pos = 12;
    dt_expect(MPI_Pack(buf, 1, t, packed, 16, &pos, MPI_COMM_WORLD), MPI_ERR_TRUNCATE,
              "MPI_Pack of 8 bytes at position 12 of 16");
    pos = 8;
    dt_expect(MPI_Unpack(packed, 16, &pos, buf, 3, MPI_INT, MPI_COMM_WORLD), MPI_ERR_TRUNCATE,
              "MPI_Unpack of 12 bytes at position 8 of 16");
#endif
    TC_OK(MPI_Type_free(&t));
}

int main(int argc, char **argv)
{
    tc_init(&argc, &argv, "dtype-errors");
    TC_OK(MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN));
    constructors();
    usage();
    TC_OK(MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_ARE_FATAL));
    dt_done();
    return 0;
}
