#include "CHeapTuning.h"

// Defines __GLIBC__ on glibc, which the checks below need.
#include <stdlib.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

// glibc grows a worker thread's heap one page at a time, and each step is an `mprotect` call
// that also takes the process's memory-map lock, stalling the other core's page faults: loading
// 10,000 manifests made some 17,000 of them, more than the calls opening and reading the files.
// Padding heap growth to 64 MB makes a thread's heap writable in one step when it is created and
// lets the main heap grow in large steps. Pages still take memory only once written, so the peak
// resident size does not grow with the padding. Linked only into hogctl's own programs: it
// changes the allocator of the whole process.

static int padded = 0;

// Run as the program is loaded, before `main` and before any thread starts: a thread's heap
// takes the setting only if it is created after it, and the Swift runtime may start threads
// before the first line of `main.swift`. 64 MB is the most glibc reserves for one thread's
// heap, so such a heap is made writable in one step.
__attribute__((constructor)) static void hogctl_pad_heap_growth(void) {
#if defined(__GLIBC__)
  padded = mallopt(M_TOP_PAD, 64 << 20) == 1;
#endif
}

int hogctl_heap_growth_padded(void) { return padded; }
