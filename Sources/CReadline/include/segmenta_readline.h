#ifndef SEGMENTA_READLINE_H
#define SEGMENTA_READLINE_H

/*
 * The only code in Segmenta that touches GNU readline's C globals and the SIGINT flag.
 *
 * Swift 6 rejects every read or write of readline's globals (rl_readline_name, rl_catch_signals, ...) as
 * "not concurrency-safe", so Swift calls these plain functions instead. All shared state lives in
 * segmenta_readline.c (a `static` in a header would give every importing module its own copy).
 * Everything here except the seg_sigint_* readers must be called from one thread (the main thread).
 */

/*
 * A completion generator in readline's style, registered from Swift with @convention(c).
 * `text` is the word being completed, `line_before` the line up to the start of that word, and `state`
 * counts the matches already returned (0 on the first call of a completion attempt). Returns a
 * malloc'ed (strdup'ed) candidate, which readline frees, or NULL when there are no more.
 */
typedef char *(*seg_completion_generator)(const char *text, const char *line_before, int state);

/* Configures readline once: rl_readline_name (copied), no environment export, no signal catching by
   readline, and the completion hook (rl_attempted_completion_function). */
void seg_rl_init(const char *name);

/* Sets (or, with NULL, removes) the completion generator; without one TAB completes nothing. */
void seg_rl_set_completion_generator(seg_completion_generator generator);

/*
 * Reads one line with `prompt`, using readline's callback interface so that a Ctrl-C can reset the prompt.
 * Returns a malloc'ed line (caller frees) without its newline. Returns NULL with *interrupted = 1 when the
 * user pressed Ctrl-C (the half-typed line is discarded and a newline printed), or NULL with
 * *interrupted = 0 at end of input (Ctrl-D on an empty line, or a read error).
 * A SIGINT pending from before the call is cleared first.
 */
char *seg_rl_readline(const char *prompt, int *interrupted);

/* using_history() and read_history(path); returns read_history's result (0 on success, errno otherwise;
   a missing file is not an error to the caller). */
int seg_history_load(const char *path);

/* add_history(line) unless the line is empty or equal to the most recent entry; returns 1 if added. */
int seg_history_add(const char *line);

/* write_history(path) then history_truncate_file(path, max_entries); returns 0 on success, else errno. */
int seg_history_save(const char *path, int max_entries);

/* Installs the SIGINT handler (sigaction, no SA_RESTART) that only sets a flag and counts the signal. */
void seg_sigint_install(void);

/* 1 if a SIGINT arrived since the last seg_sigint_clear() (or seg_rl_readline call), else 0. */
int seg_sigint_pending(void);

/* Clears the pending flag. */
void seg_sigint_clear(void);

/* Number of SIGINTs received since seg_sigint_install(); never reset, safe to read from any thread.
   Watchers compare it with the last value they saw, so they never race with readline for the flag. */
unsigned long seg_sigint_count(void);

#endif
