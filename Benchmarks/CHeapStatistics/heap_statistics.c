#include "heap_statistics.h"

#include <malloc.h>

void aftercart_heap_usage(size_t *live, size_t *held) {
    struct mallinfo2 info = mallinfo2();
    *live = info.uordblks + info.hblkhd;
    *held = info.arena + info.hblkhd;
}
