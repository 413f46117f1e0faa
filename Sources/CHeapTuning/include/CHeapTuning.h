#ifndef HOGCTL_CHEAP_TUNING_H
#define HOGCTL_CHEAP_TUNING_H

/// 1 when the allocator took hogctl's heap-growth setting as the program was loaded; 0 when it
/// refused it or has no such setting (C libraries other than glibc).
int hogctl_heap_growth_padded(void);

#endif
