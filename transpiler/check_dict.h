/* check_dict.h -- the checker's typing of dict, set and frozenset
 * (check_dict.c), called from check.c's expressions and statements. */
#ifndef ASYNCC_CHECK_DICT_H
#define ASYNCC_CHECK_DICT_H

/* needs compiler.h first (its B_ enum sits outside its include guard) */

/* t itself, after an error when its key (or element) type is unhashable */
Type *dict_key_ok(Node *at, Type *t);
/* {k: v, ...}, {a, b}: the element types from the items, or from expect
 * (an annotation, a parameter) when the literal is empty or fits it */
Type *dict_literal_type(Node *e, Type *expect);
Type *set_literal_type(Node *e, Type *expect);
/* dict and set comprehensions, inside the scopes of their clauses */
Type *dict_set_comp_type(Node *e, Type *expect);
/* set operators | & - ^ (NULL when the operands are not two sets) */
Type *set_binop_type(int op, Type *l, Type *r);
Type *dict_index_type(Node *e, Type *t);                              /* d[k] */
void dict_store_type(Node *target, Type *d, Type *t, Node *value_at); /* d[k] = v */
void del_stmt_type(Node *s);                                          /* del d[k] */
/* dict() / set() / frozenset() with no arguments become empty literals */
bool empty_ctor_call(Node *e);
/* {} or set() where any type prints the same (print(set())) */
bool empty_dict_or_set(Node *e);
/* a dict or set argument of sorted(), min(), ... is iterated as list(x) */
void iter_arg_as_list(Node *call, int i, Type **at);
void object_arg_as_list(Node *call, int i, Type **at); /* an object where an iterable is wanted */
/* set.union(*sets) and s.union(a, b, *c) (B_SET_FOLD); NULL for other calls */
Type *set_class_fold(Node *e, Node *callee);
Type *set_method_fold(Node *e, Node *callee, Type *rt);

#endif
