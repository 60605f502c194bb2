// The C allocator's tuning that Swift cannot reach (glibc's mallopt is declared in <malloc.h>, which the Glibc
// module does not import). Used by SegmentaCore's AllocatorPolicy.
#include <stdbool.h>
#include <stddef.h>

/// Fixes glibc's mmap threshold at `bytes`, which also stops glibc from raising it (and the trim threshold) when
/// large blocks are freed. Returns false where that is not possible (not glibc, or mallopt refused).
bool segmenta_fix_mmap_threshold(size_t bytes);
