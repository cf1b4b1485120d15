#include "core/log.h"

#include "core/state.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Format the whole line first and write it with one call, so lines of ranks never mix. */
static void log_line(const char *kind, const char *fmt, va_list ap)
{
    char line[1024];
    int n;

    if (mpr_state_phase() == MPR_PHASE_NOT_INIT && mpr_state.hostname[0] == '\0') {
        n = snprintf(line, sizeof(line), "mpr: %s", kind);
    } else {
        n = snprintf(line, sizeof(line), "mpr: rank %d on %s: %s", mpr_state.rank,
                     mpr_state.hostname, kind);
    }
    if (n < 0 || (size_t)n >= sizeof(line)) {
        n = 0;
    }
    vsnprintf(line + n, sizeof(line) - (size_t)n - 1, fmt, ap);
    n = (int)strlen(line);
    line[n++] = '\n';
    fflush(stdout);
    if (write(STDERR_FILENO, line, (size_t)n) < 0) {
        /* Nowhere left to report to. */
    }
}

void mpr_log_error(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    log_line("", fmt, ap);
    va_end(ap);
}

void mpr_log_warn(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    log_line("warning: ", fmt, ap);
    va_end(ap);
}
