// Runtime CPU dispatch for the match index's hot kernels. The .deb must run on any x86-64, so
// the project is compiled for the baseline (SSE2; no POPCNT, so std::popcount calls libgcc),
// yet these loops are much faster with AVX2. A function defined with HASHI_CPU_DISPATCH is
// compiled twice, for x86-64-v3 (AVX2, BMI1/2, POPCNT) and for the baseline, and the dynamic
// loader binds the one the CPU can run (a glibc ifunc; GCC's resolver tests the whole level).
// A callee that is not inlined runs baseline code, so the kernels' template helpers
// (AddEight, ForEachPosting) are HASHI_ALWAYS_INLINE: each clone gets its own copy.
//
// GCC only: clang 14 (the fuzz build) miscompiles calls to a target_clones function from
// another file (they call its resolver, which returns the function instead of running it), and
// it mishandles "arch=x86-64-v3". Not under ThreadSanitizer either: the resolvers run while
// the loader relocates, before TSan's runtime is up, and the instrumented ones crash there.
// Elsewhere the macro expands to nothing. Private to hashi_core.
#ifndef HASHI_CORE_MATCH_CPU_DISPATCH_H_
#define HASHI_CORE_MATCH_CPU_DISPATCH_H_

#include <cstddef>  // defines __GLIBC__ where glibc is the C library

#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__ELF__) && \
    defined(__GLIBC__) && !defined(__SANITIZE_THREAD__)
#define HASHI_CPU_DISPATCH __attribute__((target_clones("arch=x86-64-v3", "default")))
#else
#define HASHI_CPU_DISPATCH
#endif

#if defined(__GNUC__) || defined(__clang__)
#define HASHI_ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define HASHI_ALWAYS_INLINE inline
#endif

#endif  // HASHI_CORE_MATCH_CPU_DISPATCH_H_
