#include <stdio.h>
#include <readline/readline.h>
#include "segmenta_readline.h"
int segmenta_readline_version(void) { return rl_readline_version; }
