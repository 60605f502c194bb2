/* GNU readline shim: see include/segmenta_readline.h. <stdio.h> must precede the readline headers. */
/* POSIX (sigaction, strdup, strndup, fileno) even when compiled as strict ISO C. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <signal.h>
#include <pthread.h>
#include <sys/time.h>
#include <stdatomic.h>
#include <sys/select.h>
#include <readline/readline.h>
#include <readline/history.h>

#include "segmenta_readline.h"

/* ---- SIGINT ---------------------------------------------------------------------------------------- */

static volatile sig_atomic_t seg_sigint_flag = 0;
static atomic_ulong seg_sigint_counter = 0;

static void seg_sigint_handler(int signo) {
  (void)signo;
  seg_sigint_flag = 1;
  atomic_fetch_add_explicit(&seg_sigint_counter, 1, memory_order_relaxed);
}

void seg_sigint_install(void) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = seg_sigint_handler;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0; /* no SA_RESTART: select() in seg_rl_readline must return EINTR */
  sigaction(SIGINT, &action, NULL);
  /* A parent (a test runner, a CI shell) may have blocked SIGINT, and exec keeps the mask: unblock it here. */
  sigset_t interrupt;
  sigemptyset(&interrupt);
  sigaddset(&interrupt, SIGINT);
  pthread_sigmask(SIG_UNBLOCK, &interrupt, NULL);
}

int seg_sigint_pending(void) { return seg_sigint_flag != 0; }

void seg_sigint_clear(void) { seg_sigint_flag = 0; }

unsigned long seg_sigint_count(void) {
  return atomic_load_explicit(&seg_sigint_counter, memory_order_relaxed);
}

/* ---- Completion ------------------------------------------------------------------------------------ */

static seg_completion_generator seg_generator = NULL;
static char *seg_line_before = NULL; /* line up to the word being completed, valid during one attempt */

static char *seg_generator_entry(const char *text, int state) {
  if (seg_generator == NULL) return NULL;
  return seg_generator(text, seg_line_before != NULL ? seg_line_before : "", state);
}

static char **seg_attempted_completion(const char *text, int start, int end) {
  (void)end;
  rl_attempted_completion_over = 1; /* never fall back to file names */
  if (seg_generator == NULL) return NULL;
  size_t length = (start > 0 && rl_line_buffer != NULL) ? (size_t)start : 0;
  seg_line_before = strndup(rl_line_buffer != NULL ? rl_line_buffer : "", length);
  char **matches = rl_completion_matches(text, seg_generator_entry);
  free(seg_line_before);
  seg_line_before = NULL;
  return matches;
}

void seg_rl_set_completion_generator(seg_completion_generator generator) { seg_generator = generator; }

/* ---- Setup ------------------------------------------------------------------------------------------ */

void seg_rl_init(const char *name) {
  static char *owned_name = NULL; /* readline keeps the pointer: it must outlive every Swift String */
  free(owned_name);
  owned_name = strdup(name != NULL ? name : "segmenta");
  rl_readline_name = owned_name;
  rl_change_environment = 0; /* else readline exports LINES and COLUMNS */
  rl_catch_signals = 0;      /* our handler only sets a flag; seg_rl_readline resets the prompt */
  rl_attempted_completion_function = seg_attempted_completion;
}

/* ---- Reading a line (callback interface, as CPython does) ------------------------------------------ */

static char *seg_completed_line = NULL;
static int seg_line_done = 0;

static void seg_line_handler(char *line) {
  seg_completed_line = line;
  seg_line_done = 1;
  /* Remove the handler now, or readline prints the prompt again when this handler returns. */
  rl_callback_handler_remove();
}

char *seg_rl_readline(const char *prompt, int *interrupted) {
  *interrupted = 0;
  seg_sigint_flag = 0; /* a Ctrl-C from the previous command's run must not cancel this prompt */
  seg_completed_line = NULL;
  seg_line_done = 0;
  FILE *in = rl_instream != NULL ? rl_instream : stdin;
  FILE *out = rl_outstream != NULL ? rl_outstream : stdout;
  fflush(stdout);
  rl_callback_handler_install(prompt, seg_line_handler);
  while (!seg_line_done) {
    int fd = fileno(in);
    fd_set readable;
    FD_ZERO(&readable);
    FD_SET(fd, &readable);
    /* Wake up every 100 ms: the signal may be delivered to another thread, which does not interrupt select(). */
    struct timeval tick = {0, 100000};
    int ready = select(fd + 1, &readable, NULL, NULL, &tick);
    if (seg_sigint_flag) {
      seg_sigint_flag = 0;
      rl_free_line_state();
      rl_callback_sigcleanup();
      rl_cleanup_after_signal();
      rl_callback_handler_remove();
      fputc('\n', out);
      fflush(out);
      *interrupted = 1;
      return NULL;
    }
    if (ready < 0) {
      if (errno == EINTR) continue; /* another signal (SIGWINCH, SIGCHLD, ...) */
      rl_callback_handler_remove();
      return NULL;
    }
    if (ready > 0) rl_callback_read_char();
  }
  if (seg_completed_line == NULL) {
    /* Ctrl-D: leave the shell prompt on a fresh line. readline 8.2 already prints that newline when it
       turns bracketed paste off at EOF; without bracketed paste (inputrc, TERM=dumb) we print it. */
    const char *bracketed = rl_variable_value("enable-bracketed-paste");
    if (bracketed == NULL || strcmp(bracketed, "on") != 0) {
      fputc('\n', out);
      fflush(out);
    }
  }
  return seg_completed_line;
}

/* ---- History ----------------------------------------------------------------------------------------- */

int seg_history_load(const char *path) {
  using_history();
  return read_history(path);
}

int seg_history_add(const char *line) {
  if (line == NULL || line[0] == '\0') return 0;
  if (history_length > 0) {
    HIST_ENTRY *last = history_get(history_base + history_length - 1);
    if (last != NULL && last->line != NULL && strcmp(last->line, line) == 0) return 0;
  }
  add_history(line);
  return 1;
}

int seg_history_save(const char *path, int max_entries) {
  int result = write_history(path);
  if (result != 0) return result;
  return history_truncate_file(path, max_entries);
}
