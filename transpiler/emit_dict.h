/* emit_dict.h -- what the emitter's other files call in emit_dict.c
 * (dict, set and frozenset). */
#ifndef ASYNCC_EMIT_DICT_H
#define ASYNCC_EMIT_DICT_H

#include "emit.h"

Val dict_lit(Node *e);                         /* {k: v}, dict() */
Val set_lit(Node *e);                          /* {a, b}, set() */
Val dict_set_comp(Node *e);                    /* {k: v for ...}, {x for ...} */
void comp_store(Node *comp, char *result);     /* one item of such a comprehension */
Val dict_index(Node *e, Val d);                /* d[k] */
void dict_store(Node *target, Val d, Val val); /* d[k] = val */
void dict_augassign(Node *s, Val d);           /* d[k] op= v */
void emit_del(Node *s);
Val dict_set_in(int op, Val a, Val b); /* a in b, a not in b */
Val set_compare(int op, Val a, Val b);
Val set_binop(int op, Val l, Val r, Type *t);
void set_inplace(int op, Val cur, Val r); /* s |= r ... */
Val iter_as_list(Val seq);                /* the keys of a dict or set as a list */
Val dict_set_len(Val v);
Val emit_set_fold(Node *e); /* s.union(a, *b), set.union(*sets), s.update(a, b) */

#endif
