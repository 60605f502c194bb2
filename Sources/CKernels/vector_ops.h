#ifndef SEGMENTA_VECTOR_OPS_H
#define SEGMENTA_VECTOR_OPS_H

/* Private to CKernels: the vector types and memory macros shared by the kernel files. Every file that includes it
   compiles its bodies twice (SSE2 and AVX2) and must keep `#pragma STDC FP_CONTRACT OFF`. */

/* GCC/Clang vector extensions: element-wise IEEE operations, lowered to SSE2 (two instructions per v4d) in the
   portable kernels and to AVX (one instruction) in the AVX2 kernels. */
typedef double v4d __attribute__((vector_size(32)));
typedef long long v4i __attribute__((vector_size(32)));

#define INLINE static inline __attribute__((always_inline))

#if defined(__x86_64__)
#define AVX2 __attribute__((target("avx2")))
#else
#define AVX2
#endif

/* Unaligned loads as macros: vectors passed to or returned from functions would change the
   calling convention between the SSE2 and AVX2 bodies (-Wpsabi). */
#define LOAD4(p)                                                                                                    \
  ({                                                                                                                \
    v4d loaded_;                                                                                                    \
    __builtin_memcpy(&loaded_, (p), sizeof loaded_);                                                                \
    loaded_;                                                                                                        \
  })
#define STORE4(p, v)                                                                                                \
  do {                                                                                                              \
    v4d stored_ = (v);                                                                                              \
    __builtin_memcpy((p), &stored_, sizeof stored_);                                                                \
  } while (0)

/* Lane-wise `mask ? a : b` for a comparison mask (all bits set or clear per lane). */
#define SELECT4(mask, a, b) ((v4d)(((v4i)(a) & (mask)) | ((v4i)(b) & ~(mask))))

/* Whether any lane is set. */
#define ANY4(mask) (((mask)[0] | (mask)[1] | (mask)[2] | (mask)[3]) != 0)

#endif
