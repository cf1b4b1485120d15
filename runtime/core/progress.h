/*
 * The one progress engine. Everything that makes progress without the user calling it registers
 * a source here: each transport that is up, pt2pt's per-peer send queues, the collective
 * schedules. mpr_progress() polls them all; the wait policy (core/wait.c) asks them whether a
 * sleep may miss work and sleeps on the transports' wake-ups. Nothing here knows what a source is.
 */
#ifndef MPR_PROGRESS_H
#define MPR_PROGRESS_H

struct mpr_progress_source {
    const char *name;
    /* Handle what has arrived or become possible. Never blocks. Returns the events handled. */
    int (*poll)(void);
    /*
     * Optional: non-zero when the source holds work that no wake-up will announce (sends queued
     * for room in a peer's ring: consumers do not signal freed space), so waiting must yield
     * instead of sleeping.
     */
    int (*busy)(void);
    /* Optional: sleep until the source may have work, at most timeout_ns; see transport.h. */
    void (*block)(long timeout_ns);
    /* Optional: the wait that slept is over (lower a "wake me" flag). */
    void (*unblock)(void);
};

#define MPR_PROGRESS_MAX 8

/* Add a source (a static object; once). 0, or -MPR_ERR_NOMEM when the table is full. */
int mpr_progress_add(const struct mpr_progress_source *src);
/* Remove it again (finalize); a source not registered is ignored. */
void mpr_progress_remove(const struct mpr_progress_source *src);

/* Poll every source once. Returns the events handled (0: nothing new). */
int mpr_progress(void);
/* Whether any source is busy (see busy above). */
int mpr_progress_busy(void);
/*
 * Sleep until a source that can sleep has work, at most timeout_ns. With one such source it
 * sleeps on it; with several (shm and ofi peers), each gets a slice of the timeout in turn.
 */
void mpr_progress_block(long timeout_ns);
void mpr_progress_unblock(void);

#endif
