/* huge: one message of more than 2 GiB, rank 0 -> rank 1 (rank 0 to itself when alone): count
 * 2 Mi + 1025 of a contiguous type of 1 KiB bytes (2 GiB + 1 MiB + 1 KiB: count fits an int,
 * count x size does not). Zero-length messages are in zero.c.
 * The sender writes its first and last 4 KiB and one 8-byte word every 1 MiB + 8 B (so the
 * samples fall at every page offset); the rest of its buffer (calloc) reads as zero. The receiver
 * checks exactly: the first and last pages, every sample, a zero word halfway between each two
 * samples, the checksum of the samples the sender computed (sent separately), and the status:
 * Get_count of the type, Get_elements_x in bytes, Get_count(MPI_BYTE) = MPI_UNDEFINED.
 * Where first touching a page is expensive (~15 us in some VMs, so 8 s for each side's 2 GiB)
 * this is by far the slowest program of the suite. */
#include "tt.h"

enum { BLOCK = 1024, COUNT = (2 << 20) + 1025, PAGE = 4096, STRIDE = (1 << 20) + 8 };
static const uint64_t SEED = 0x5eed2024;

/* The word at byte offset p (a multiple of 8) of the sender's pattern: never zero. */
static uint64_t word_at(size_t p)
{
    return pt_mix(SEED ^ p) | 1;
}

static void put(unsigned char *b, size_t p)
{
    uint64_t w = word_at(p);
    memcpy(b + p, &w, 8);
}

static uint64_t get(const unsigned char *b, size_t p)
{
    uint64_t w;
    memcpy(&w, b + p, 8);
    return w;
}

/* Writes (sender) or checks (receiver) the pattern; returns the checksum of the samples. */
static uint64_t pattern(unsigned char *b, size_t bytes, int write)
{
    uint64_t sum = 0;
    for (size_t p = 0; p < bytes; p += 8) {
        int edge = p < PAGE || p >= bytes - PAGE, sample = p % STRIDE == 0;
        if (!edge && !sample) {
            /* skip to the next sample or the last page */
            size_t next = (p / STRIDE + 1) * STRIDE;
            p = (next < bytes - PAGE ? next : bytes - PAGE) - 8;
            continue;
        }
        if (write) {
            put(b, p);
        } else {
            TC_CHECK(get(b, p) == word_at(p), "byte %zu of %zu: word %016llx, expected %016llx", p,
                     bytes, (unsigned long long)get(b, p), (unsigned long long)word_at(p));
            size_t mid = p + STRIDE / 2;
            if (sample && mid + 8 <= bytes - PAGE)
                TC_CHECK(get(b, mid) == 0, "byte %zu of %zu: word %016llx, expected 0", mid, bytes,
                         (unsigned long long)get(b, mid));
        }
        if (sample)
            sum = sum * 31 + get(b, p);
    }
    return sum;
}

int main(int argc, char **argv)
{
    tc_init(&argc, &argv, "huge");
    const int src = 0, dst = tc_size > 1 ? 1 : 0;
    const size_t bytes = (size_t)COUNT * BLOCK;
    MPI_Datatype kib;
    TC_OK(MPI_Type_contiguous(BLOCK, MPI_BYTE, &kib));
    TC_OK(MPI_Type_commit(&kib));
    unsigned char *sb = NULL, *rb = NULL;
    MPI_Request rq[2];
    uint64_t sum = 0;
    if (tc_rank == src) {
        sb = calloc(bytes, 1); /* fresh zero pages, not touched here */
        TC_CHECK(sb, "out of memory (%zu bytes)", bytes);
        sum = pattern(sb, bytes, 1);
        TC_OK(MPI_Isend(&sum, 1, MPI_UINT64_T, dst, 2, MPI_COMM_WORLD, &rq[0]));
        TC_OK(MPI_Isend(sb, COUNT, kib, dst, 1, MPI_COMM_WORLD, &rq[1]));
    }
    if (tc_rank == dst) {
        MPI_Status st;
        rb = pt_malloc(bytes);
        TC_OK(MPI_Recv(rb, COUNT, kib, src, 1, MPI_COMM_WORLD, &st));
        pt_check_status(&st, src, 1, kib, COUNT, "2 GiB + 1025 KiB in 1 KiB elements");
        MPI_Count ex = 0;
        TC_OK(MPI_Get_elements_x(&st, MPI_BYTE, &ex));
        TC_CHECK(ex == (MPI_Count)bytes, "Get_elements_x(MPI_BYTE) %lld, expected %zu",
                 (long long)ex, bytes);
        int c = 0;
        TC_OK(MPI_Get_count(&st, MPI_BYTE, &c));
        TC_CHECK(c == MPI_UNDEFINED, "Get_count(MPI_BYTE) of %zu bytes: %d, not MPI_UNDEFINED",
                 bytes, c);
    }
    if (tc_rank == dst) {
        uint64_t want = 0, got = pattern(rb, bytes, 0);
        TC_OK(MPI_Recv(&want, 1, MPI_UINT64_T, src, 2, MPI_COMM_WORLD, MPI_STATUS_IGNORE));
        TC_CHECK(got == want, "checksum of the samples %016llx, the sender's %016llx",
                 (unsigned long long)got, (unsigned long long)want);
        free(rb);
    }
    if (tc_rank == src) {
        TC_OK(MPI_Waitall(2, rq, MPI_STATUSES_IGNORE));
        free(sb);
    }
    TC_OK(MPI_Type_free(&kib));
    tt_pass("%d x 1 KiB = %zu bytes, %d -> %d", COUNT, bytes, src, dst);
    return 0;
}
