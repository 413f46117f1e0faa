#include "CHeapTuning.h"

// Defines __GLIBC__ on glibc, which the checks below need.
#include <stdlib.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

static int padded = 0;

// Run as the program is loaded, before `main` and before any thread starts: a thread's heap
// takes the setting only if it is created after it, and the Swift runtime may start threads
// before the first line of `main.swift`. 64 MB is the most glibc reserves for one thread's
// heap, so such a heap is made writable in one step. See HeapTuning.swift for why.
__attribute__((constructor)) static void hogctl_pad_heap_growth(void) {
#if defined(__GLIBC__)
  padded = mallopt(M_TOP_PAD, 64 << 20) == 1;
#endif
}

int hogctl_heap_growth_padded(void) { return padded; }
