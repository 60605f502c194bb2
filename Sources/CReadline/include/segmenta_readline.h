#ifndef SEGMENTA_READLINE_H
#define SEGMENTA_READLINE_H
/// Placeholder: the readline shim (all rl_* global access) lives in segmenta_readline.c.
int segmenta_readline_version(void);
#endif
