/*
 * asyncc_types.h -- the runtime's types by name only, shared by the host
 * API (asyncc.h) and the generated-code ABI (asyncc_rt.h, which defines
 * them).  C99 allows a typedef only once, hence one file with a guard.
 */
#ifndef ASYNCC_TYPES_H
#define ASYNCC_TYPES_H

#include <stdint.h>

typedef union ac_val ac_val;
typedef struct ac_type ac_type;
typedef struct ac_str ac_str;
typedef struct ac_list ac_list;
typedef struct ac_tuple ac_tuple;
typedef struct ac_class ac_class;
typedef struct ac_exc ac_exc;
typedef struct ac_task ac_task;
typedef struct ac_coro_vt ac_coro_vt;
typedef uint64_t ac_call_id;

#endif
