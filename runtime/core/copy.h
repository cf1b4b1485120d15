/* Copies on the small-message path: tiny ones inline instead of a call into libc's memcpy. */
#ifndef MPR_COPY_H
#define MPR_COPY_H

#include <stddef.h>
#include <string.h>

static inline void mpr_copy(void *dst, const void *src, size_t len)
{
    unsigned char *d = dst;
    const unsigned char *s = src;

    if (len > 16) {
        memcpy(d, s, len);
    } else if (len == 8) {
        memcpy(d, s, 8);
    } else {
        for (size_t i = 0; i < len; i++) {
            d[i] = s[i];
        }
    }
}

#endif
