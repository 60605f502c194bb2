#include "segmenta_allocator.h"

#include <limits.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

bool segmenta_fix_mmap_threshold(size_t bytes) {
#if defined(__GLIBC__)
  return bytes <= INT_MAX && mallopt(M_MMAP_THRESHOLD, (int)bytes) == 1;
#else
  (void)bytes;
  return false;
#endif
}
