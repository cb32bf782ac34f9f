#ifndef AFTERCART_HEAP_STATISTICS_H
#define AFTERCART_HEAP_STATISTICS_H

#include <stddef.h>

/// glibc's heap accounting (mallinfo2, summed over every arena), for the
/// benchmarks' memory table. `live`: bytes in allocated chunks, mmapped ones
/// included; `held`: bytes malloc has from the kernel, in use or free.
void aftercart_heap_usage(size_t *live, size_t *held);

#endif
