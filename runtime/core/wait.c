#include "core/wait.h"

#include "core/log.h"
#include "core/param.h"
#include "core/progress.h"
#include "core/state.h"
#include "tools/record.h"

#include <sched.h>
#include <string.h>
#include <time.h>

enum wait_mode { WAIT_AUTO, WAIT_SPIN, WAIT_YIELD, WAIT_BLOCK };

static enum wait_mode mode;
static double spin_s, yield_s;

/*
 * How long one sleep may last: a bound, not a poll interval (wake-ups are signalled). The first
 * sleep of a wait is short: a sender that published in the very instant this rank fell asleep
 * may have missed its doorbell (see wake() in transport/shm/shm.c).
 */
#define SLEEP_FIRST_NS 1000000L
#define SLEEP_MAX_NS 100000000L

void mpr_wait_init(void)
{
    static const char *const names[] = {"auto", "spin", "yield", "block"};
    const char *m = mpr_param_str(MPR_P_WAIT_MODE);

    mode = WAIT_AUTO;
    for (int i = 0; i < 4; i++) {
        if (m && !strcmp(m, names[i])) {
            mode = (enum wait_mode)i;
        }
    }
    if (m && strcmp(m, names[mode]) != 0 && mpr_state.rank == 0) {
        mpr_log_warn("MPR_WAIT_MODE='%s' is not one of auto, spin, yield, block; using auto", m);
    }
    spin_s = mpr_state.oversubscribed ? 0 : (double)mpr_param_int(MPR_P_SPIN_US) * 1e-6;
    yield_s = (double)mpr_param_int(MPR_P_YIELD_US) * 1e-6;
}

static double now_s(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/*
 * Sleep unless a source holds work no wake-up announces (sends queued for room in a peer's ring:
 * consumers do not ring the producer's doorbell when they free space): then yield instead.
 */
static void sleep_or_yield(unsigned *sleeps)
{
    if (mpr_progress_busy()) {
        sched_yield();
    } else {
        mpr_progress_block((*sleeps)++ == 0 ? SLEEP_FIRST_NS : SLEEP_MAX_NS);
    }
}

/* Nothing happened for `idle` seconds: spin on, yield, or sleep. */
static void idle_step(double idle, unsigned *sleeps)
{
    switch (mode) {
    case WAIT_SPIN:
        return;
    case WAIT_YIELD:
        sched_yield();
        return;
    case WAIT_BLOCK:
        sleep_or_yield(sleeps);
        return;
    case WAIT_AUTO:
        if (idle < spin_s) {
            return;
        }
        if (idle < spin_s + yield_s) {
            sched_yield();
            return;
        }
        sleep_or_yield(sleeps);
        return;
    }
}

void mpr_wait_until(int (*done)(const void *arg), const void *arg)
{
    double idle_since = 0;
    unsigned polls = 0, sleeps = 0;
    int named = 0;

    while (!done(arg)) {
        if (mpr_progress() > 0) {
            if (sleeps) {
                mpr_progress_unblock();
            }
            idle_since = 0;
            polls = sleeps = 0;
            continue;
        }
        /* Reading the clock costs more than a poll: only every few idle polls. */
        if (++polls < 64 && mode == WAIT_AUTO && spin_s > 0) {
            continue;
        }
        polls = 0;
        if (idle_since == 0) {
            idle_since = now_s();
            /* Really blocking: tell the launcher where (its --timeout report reads this). */
            mpr_record_enter_named(mpr_record_call);
            named = 1;
        }
        idle_step(now_s() - idle_since, &sleeps);
    }
    if (sleeps) {
        mpr_progress_unblock();
    }
    if (named) {
        mpr_record_leave();
    }
}
