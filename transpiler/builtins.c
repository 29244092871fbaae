/* builtins.c -- the Python library surface asyncc knows: one row per builtin
 * function, method and module function, with Python's own signature.
 *
 * A regular row names the C runtime function the call becomes; its
 * arguments are passed in signature order after the receiver (defaults
 * filled in, None as NULL, element-typed values as ac_val).  An irregular
 * row names a typing hook (libcheck.c) and/or an emit hook (emit.c).  A row
 * flagged BF_NOT_YET is a name Python has and asyncc does not yet: using it
 * is one error that says so.  Adding a str method is one row here plus its
 * C function in runtime/rt_str.c. */
#include "compiler.h"

#include <string.h>

#define NOT_YET(recv, name)                                                                                            \
    { recv, name, NULL, 0, NULL, NULL, NULL, BF_NOT_YET, NULL, NULL }

const Builtin builtin_table[] = {
    /* ---- builtin functions ---- */
    {NULL, "print",
     "(*values: object, sep: str|None = ' ', end: str|None = '\\n', file: object = None, "
     "flush: bool = False) -> None",
     B_LIB, NULL, type_print, emit_print, BF_STARRED, NULL, "file: sys.stdout or sys.stderr"},
    {NULL, "len", "(obj: object, /) -> int", B_LIB, NULL, type_len, emit_len, 0, NULL, "str, list, tuple"},
    {NULL, "str", "(object: object = '', /) -> str", B_LIB, NULL, NULL, emit_str, 0, NULL, NULL},
    {NULL, "repr", "(obj: object, /) -> str", B_LIB, NULL, NULL, emit_repr, 0, NULL, NULL},
    {NULL, "int", "(x: object = 0, base: int = 10, /) -> int", B_LIB, NULL, type_int, emit_int, 0, NULL,
     "x: a number or a str; base only with a str"},
    {NULL, "float", "(x: object = 0.0, /) -> float", B_LIB, NULL, type_float, emit_float, 0, NULL,
     "x: a number or a str"},
    {NULL, "bool", "(x: object = False, /) -> bool", B_LIB, NULL, NULL, emit_bool, 0, NULL, NULL},
    {NULL, "abs", "(x: number, /) -> number", B_LIB, NULL, type_abs, emit_abs, 0, NULL, NULL},
    {NULL, "round", "(number: number, ndigits: int|None = None, /) -> number", B_LIB, NULL, type_round, emit_round, 0,
     NULL, "int without ndigits"},
    {NULL, "min", "(*values: T, key: callable = None) -> T", B_LIB, NULL, type_minmax, emit_min, 0, "default",
     "one list, or several values of one type; key: a def of one parameter, len or abs, with one list"},
    {NULL, "max", "(*values: T, key: callable = None) -> T", B_LIB, NULL, type_minmax, emit_max, 0, "default",
     "one list, or several values of one type; key: a def of one parameter, len or abs, with one list"},
    {NULL, "sum", "(iterable: list[number], /) -> number", B_LIB, NULL, type_sum, emit_sum, 0, "start", NULL},
    {NULL, "sorted", "(iterable: list[T]|str, /, *, key: callable = None, reverse: bool = False) -> list[T]", B_LIB,
     NULL, type_sorted, emit_sorted, 0, NULL, "a str gives its characters; key: a def of one parameter, len or abs"},
    {NULL, "range", "(start_or_stop: int, stop: int = ..., step: int = 1, /) -> list[int]", B_RANGE, NULL, NULL,
     emit_range, 0, NULL, "range(stop) or range(start, stop[, step]); a for loop does not build the list"},
    {NULL, "list", "(iterable: list[T]|str|range, /) -> list[T]", B_LIB, NULL, type_list, emit_list, 0, NULL, NULL},
    {NULL, "format", "(value: object, format_spec: str = '', /) -> str", B_LIB, NULL, NULL, emit_format, 0, NULL, NULL},
    {NULL, "input", "(prompt: str|None = None, /) -> str", B_LIB, "ac_input", NULL, NULL, 0, NULL,
     "a line of standard input without its newline; EOFError at the end"},
    /* builtins spelling of the async API */
    {NULL, "run", "(*coros: Coroutine[T]) -> T", B_LIB, NULL, type_erun, emit_erun, 0, NULL,
     "builtins spelling: runs the coroutines as tasks, returns the first one's result"},
    {NULL, "sleep", "(delay: float) -> Coroutine[None]", B_SLEEP, NULL, NULL, NULL, 0, NULL, "builtins spelling"},
    {NULL, "gather", "(*aws: Awaitable[T]) -> Coroutine[list[T]]", B_EGATHER, NULL, type_gather, NULL, BF_STARRED, NULL,
     "builtins spelling"},
    {NULL, "with_timeout", "(seconds: float, coro: Awaitable[T]) -> Coroutine[T]", B_WITH_TIMEOUT, NULL,
     type_with_timeout, NULL, 0, NULL, "builtins spelling"},
    {NULL, "receive", "() -> Coroutine[str]", B_RECEIVE, NULL, NULL, NULL, 0, NULL,
     "builtins spelling: the next host event"},
    {NULL, "frame", "() -> Coroutine[None]", B_FRAME, NULL, NULL, NULL, 0, NULL,
     "builtins spelling: the next host frame tick"},
    {NULL, "cancel", "(task: Task[T]) -> None", B_LIB, NULL, type_cancel, emit_ecancel, 0, NULL,
     "builtins spelling; also a coroutine object"},
    {NULL, "enumerate", "(iterable: list[T]|str, start: int = 0) -> list[tuple[int, T]]", B_LIB, NULL, type_enumerate,
     emit_enumerate, 0, NULL, "the (index, item) pairs are made at once, as a list"},
    {NULL, "zip", "(*iterables: list[T]|str) -> list[tuple[T, ...]]", B_LIB, NULL, type_zip, emit_zip, BF_STARRED, "strict",
     "as long as the shortest; made at once, as a list; zip(*m) of a list of lists: its columns"},
    {NULL, "reversed", "(seq: list[T]|str, /) -> list[T]", B_LIB, NULL, type_reversed, emit_reversed, 0, NULL,
     "a reversed copy, as a list"},
    {NULL, "any", "(iterable: list[T]|str, /) -> bool", B_LIB, NULL, type_any_all, emit_any, 0, NULL,
     "a generator expression argument stops at the first true item"},
    {NULL, "all", "(iterable: list[T]|str, /) -> bool", B_LIB, NULL, type_any_all, emit_all, 0, NULL,
     "a generator expression argument stops at the first false item"},
    {NULL, "isinstance", "(obj: object, classinfo: type, /) -> bool", B_LIB, NULL, NULL, emit_static_answer, 0, NULL,
     "classinfo: int, float, str, bool, list, tuple, object, an exception class, or a tuple of them; "
     "answered from the static type (an exception object's class at run time)"},
    {NULL, "hasattr", "(obj: object, name: str, /) -> bool", B_LIB, NULL, NULL, emit_static_answer, 0, NULL,
     "name: a literal; answered at compile time from the library table (modules, methods)"},
    {NULL, "type", "(obj: object, /) -> type", B_LIB, NULL, type_type, emit_type_name, 0, NULL,
     "only as `type(x).__name__`"},
    /* typed and emitted by check_gen.c / emit_gen.c, which see the call first */
    {NULL, "iter", "(iterable: object, /) -> object", B_LIB, NULL, NULL, gen_call, 0, NULL,
     "of a generator or a list: a generator"},
    {NULL, "next", "(iterator: object, default: object = ..., /) -> object", B_LIB, NULL, NULL, gen_call, 0, NULL,
     "of a generator; the item type, or `object` when the default has another type"},
    {NULL, "__asyncc_eg_match", "(exc: object, cls: type, /) -> BaseExceptionGroup|None", B_LIB, NULL,
     type_eg_split, emit_eg_split, 0, NULL, "what `except* cls as eg:` is lowered to: the part of a group that is cls"},
    {NULL, "__asyncc_eg_rest", "(exc: object, cls: type, /) -> BaseException|None", B_LIB, NULL,
     type_eg_split, emit_eg_split, 0, NULL, "the part left for the next `except*` clauses"},
    NOT_YET(NULL, "map"),
    NOT_YET(NULL, "filter"),
    NOT_YET(NULL, "issubclass"),
    NOT_YET(NULL, "getattr"),
    {NULL, "dict", "(x: dict[K, V]|list[tuple[K, V]], /) -> dict[K, V]", B_LIB, NULL, type_dict_ctor, emit_dict_ctor, 0,
     NULL, "`dict()` is an empty dict typed by its context; keyword arguments are not supported yet"},
    {NULL, "set", "(iterable: list[T]|set[T]|dict[T, V]|str, /) -> set[T]", B_LIB, NULL, type_set_ctor, emit_set_ctor,
     0, NULL, "`set()` is an empty set typed by its context"},
    {NULL, "frozenset", "(iterable: list[T]|set[T]|dict[T, V]|str, /) -> frozenset[T]", B_LIB, NULL, type_set_ctor,
     emit_set_ctor, 0, NULL, NULL},
    NOT_YET(NULL, "open"),
    {NULL, "tuple", "(iterable: list[T]|str|range, /) -> list[T]", B_LIB, NULL, type_tuple, emit_tuple, 0, NULL,
     "tuple(): the empty tuple; tuple(t) of a tuple is t"},
    NOT_YET(NULL, "id"),
    {NULL, "hash", "(obj: object, /) -> int", B_LIB, NULL, NULL, emit_hash, 0, NULL,
     "CPython's values for int, float, bool, None and tuples of them; a class's __hash__"},
    NOT_YET(NULL, "chr"),
    NOT_YET(NULL, "ord"),
    NOT_YET(NULL, "pow"),
    NOT_YET(NULL, "hex"),
    NOT_YET(NULL, "oct"),
    NOT_YET(NULL, "bin"),
    {NULL, "callable", "(obj: object, /) -> bool", B_LIB, NULL, NULL, emit_static_answer, 0, NULL,
     "answered at compile time from the argument's type (a class, a function, an instance whose class has __call__)"},
    NOT_YET(NULL, "object"),
    {NULL, "vars", "(obj: object, /) -> dict[str, object]", B_LIB, NULL, type_vars, emit_vars, 0, NULL,
     "of an instance: the attributes it holds (in slot order: the base class's first)"},
    NOT_YET(NULL, "dir"),
    NOT_YET(NULL, "globals"),
    NOT_YET(NULL, "locals"),
    NOT_YET(NULL, "eval"),
    NOT_YET(NULL, "exec"),
    NOT_YET(NULL, "bytes"),
    NOT_YET(NULL, "bytearray"),
    NOT_YET(NULL, "slice"),
    NOT_YET(NULL, "setattr"),
    NOT_YET(NULL, "delattr"),
    NOT_YET(NULL, "complex"),

    /* ---- str ---- */
    {"str", "upper", "() -> str", B_LIB, "ac_str_upper", NULL, NULL, 0, NULL, NULL},
    {"str", "title", "() -> str", B_LIB, "ac_str_title", NULL, NULL, 0, NULL, NULL},
    {"str", "splitlines", "(keepends: bool = False) -> list[str]", B_LIB, "ac_str_splitlines", NULL, NULL, 0, NULL,
     NULL},
    {"str", "zfill", "(width: int, /) -> str", B_LIB, "ac_str_zfill", NULL, NULL, 0, NULL, NULL},
    {"str", "center", "(width: int, fillchar: str = ' ', /) -> str", B_LIB, "ac_str_center", NULL, NULL, 0, NULL,
     NULL},
    {"str", "ljust", "(width: int, fillchar: str = ' ', /) -> str", B_LIB, "ac_str_ljust", NULL, NULL, 0, NULL, NULL},
    {"str", "rjust", "(width: int, fillchar: str = ' ', /) -> str", B_LIB, "ac_str_rjust", NULL, NULL, 0, NULL, NULL},
    {"str", "lower", "() -> str", B_LIB, "ac_str_lower", NULL, NULL, 0, NULL, NULL},
    {"str", "strip", "(chars: str|None = None, /) -> str", B_LIB, "ac_str_strip", NULL, NULL, 0, NULL, NULL},
    {"str", "lstrip", "(chars: str|None = None, /) -> str", B_LIB, "ac_str_lstrip", NULL, NULL, 0, NULL, NULL},
    {"str", "rstrip", "(chars: str|None = None, /) -> str", B_LIB, "ac_str_rstrip", NULL, NULL, 0, NULL, NULL},
    {"str", "split", "(sep: str|None = None, maxsplit: int = -1) -> list[str]", B_LIB, "ac_str_split", NULL, NULL, 0,
     NULL, NULL},
    {"str", "join", "(iterable: list[str]|str, /) -> str", B_LIB, NULL, type_str_join, emit_str_join, 0, NULL,
     "a str joins its characters"},
    {"str", "startswith", "(prefix: str, /) -> bool", B_LIB, "ac_str_startswith", NULL, NULL, BF_PURE, "start end",
     NULL},
    {"str", "endswith", "(suffix: str, /) -> bool", B_LIB, "ac_str_endswith", NULL, NULL, BF_PURE, "start end", NULL},
    {"str", "replace", "(old: str, new: str, count: int = -1, /) -> str", B_LIB, "ac_str_replace", NULL, NULL, 0, NULL,
     NULL},
    {"str", "find", "(sub: str, /) -> int", B_LIB, "ac_str_find", NULL, NULL, 0, "start end", NULL},
    {"str", "rfind", "(sub: str, /) -> int", B_LIB, "ac_str_rfind", NULL, NULL, 0, "start end", NULL},
    {"str", "count", "(sub: str, /) -> int", B_LIB, "ac_str_count", NULL, NULL, 0, "start end", NULL},
    {"str", "isdigit", "() -> bool", B_LIB, "ac_str_isdigit", NULL, NULL, BF_PURE, NULL, NULL},
    {"str", "isalpha", "() -> bool", B_LIB, "ac_str_isalpha", NULL, NULL, BF_PURE, NULL, NULL},
    {"str", "isspace", "() -> bool", B_LIB, "ac_str_isspace", NULL, NULL, BF_PURE, NULL, NULL},
    {"str", "format", "(*args: object, **kwargs: object) -> str", B_LIB, NULL, type_str_format, emit_str_format, 0,
     NULL, "the template must be a literal; fields {}, {N}, {name}, !r, !s and specs (nested fields too)"},
    {"str", "partition", "(sep: str, /) -> tuple[str, str, str]", B_LIB, "ac_str_partition", NULL, NULL, BF_RESULT_DESC,
     NULL, NULL},
    {"str", "rpartition", "(sep: str, /) -> tuple[str, str, str]", B_LIB, "ac_str_rpartition", NULL, NULL,
     BF_RESULT_DESC, NULL, NULL},
    NOT_YET("str", "capitalize"),
    NOT_YET("str", "swapcase"),
    NOT_YET("str", "casefold"),
    NOT_YET("str", "rsplit"),
    NOT_YET("str", "index"),
    NOT_YET("str", "rindex"),
    NOT_YET("str", "isupper"),
    NOT_YET("str", "islower"),
    NOT_YET("str", "isalnum"),
    NOT_YET("str", "isnumeric"),
    NOT_YET("str", "isdecimal"),
    NOT_YET("str", "istitle"),
    NOT_YET("str", "isidentifier"),
    NOT_YET("str", "isprintable"),
    NOT_YET("str", "isascii"),
    NOT_YET("str", "removeprefix"),
    NOT_YET("str", "removesuffix"),
    NOT_YET("str", "expandtabs"),
    NOT_YET("str", "encode"),
    NOT_YET("str", "translate"),
    NOT_YET("str", "maketrans"),
    NOT_YET("str", "format_map"),

    /* ---- list ---- */
    {"list", "append", "(x: T, /) -> None", B_LIB, "ac_list_append", NULL, NULL, BF_STEALS, NULL, NULL},
    {"list", "insert", "(i: int, x: T, /) -> None", B_LIB, "ac_list_insert", NULL, NULL, BF_STEALS, NULL, NULL},
    {"list", "pop", "(i: int = -1, /) -> T", B_LIB, "ac_list_pop", NULL, NULL, 0, NULL, NULL},
    {"list", "index", "(x: T, /) -> int", B_LIB, "ac_list_index", NULL, NULL, 0, "start end", NULL},
    {"list", "count", "(x: T, /) -> int", B_LIB, NULL, NULL, emit_list_count, 0, NULL, NULL},
    {"list", "remove", "(x: T, /) -> None", B_LIB, NULL, NULL, emit_list_remove, 0, NULL, NULL},
    {"list", "extend", "(iterable: list[T], /) -> None", B_LIB, "ac_list_extend", NULL, NULL, 0, NULL, NULL},
    {"list", "sort", "(*, key: callable = None, reverse: bool = False) -> None", B_LIB, NULL, type_list_sort,
     emit_list_sort, 0, NULL, "key: a def of one parameter, len or abs"},
    {"list", "reverse", "() -> None", B_LIB, "ac_list_reverse", NULL, NULL, BF_PURE, NULL, NULL},
    {"list", "copy", "() -> list[T]", B_LIB, "ac_list_copy", NULL, NULL, 0, NULL, NULL},
    {"list", "clear", "() -> None", B_LIB, NULL, NULL, emit_list_clear, 0, NULL, NULL},

    /* ---- dict (K: key type, V: value type) ---- */
    {"dict", "get", "(key: K, default: V|object = None, /) -> V", B_LIB, NULL, type_dict_method, emit_dict_method, 0,
     NULL, "with one argument the value or None (an `object` for a scalar V); a default of another type joins the result with it"},
    {"dict", "setdefault", "(key: K, default: V, /) -> V", B_LIB, NULL, type_dict_method, emit_dict_method, 0, NULL,
     "the default is required"},
    {"dict", "pop", "(key: K, default: V|object = None, /) -> V", B_LIB, NULL, type_dict_method, emit_dict_method, 0,
     NULL, "a default of another type joins the result with it"},
    {"dict", "popitem", "() -> tuple[K, V]", B_LIB, NULL, type_dict_method, emit_dict_method, 0, NULL, NULL},
    {"dict", "keys", "() -> dict_keys[K]", B_LIB, NULL, type_dict_method, emit_dict_method, 0, NULL,
     "a live view: iteration, `in`, len(), list(), sorted(), printing"},
    {"dict", "values", "() -> dict_values[V]", B_LIB, NULL, type_dict_method, emit_dict_method, 0, NULL, "a live view"},
    {"dict", "items", "() -> dict_items[tuple[K, V]]", B_LIB, NULL, type_dict_method, emit_dict_method, 0, NULL,
     "a live view of (key, value) tuples"},
    {"dict", "update", "(other: dict[K, V], /) -> None", B_LIB, NULL, type_dict_method, emit_dict_method, 0, NULL,
     "from a dict, then keywords (`d.update(other, k=v)`)"},
    {"dict", "clear", "() -> None", B_LIB, NULL, type_dict_method, emit_dict_method, 0, NULL, NULL},
    {"dict", "copy", "() -> dict[K, V]", B_LIB, NULL, type_dict_method, emit_dict_method, 0, NULL, NULL},
    NOT_YET("dict", "fromkeys"),

    /* ---- set and frozenset (T: element type) ---- */
    {"set", "add", "(elem: T, /) -> None", B_LIB, NULL, type_set_method, emit_set_method, 0, NULL, NULL},
    {"set", "discard", "(elem: T, /) -> None", B_LIB, NULL, type_set_method, emit_set_method, 0, NULL, NULL},
    {"set", "remove", "(elem: T, /) -> None", B_LIB, NULL, type_set_method, emit_set_method, 0, NULL, NULL},
    {"set", "pop", "() -> T", B_LIB, NULL, type_set_method, emit_set_method, 0, NULL, NULL},
    {"set", "clear", "() -> None", B_LIB, NULL, type_set_method, emit_set_method, 0, NULL, NULL},
    {"set", "update", "(other: set[T]|list[T], /) -> None", B_LIB, NULL, type_set_method, emit_set_method, 0, NULL,
     "one argument"},
    {"set", "copy", "() -> set[T]", B_LIB, NULL, type_set_method, emit_set_method, 0, NULL, NULL},
    {"set", "union", "(other: set[T]|list[T], /) -> set[T]", B_LIB, NULL, type_set_method, emit_set_method, 0, NULL,
     "one argument"},
    {"set", "intersection", "(other: set[T]|list[T], /) -> set[T]", B_LIB, NULL, type_set_method, emit_set_method, 0,
     NULL, "one argument"},
    {"set", "difference", "(other: set[T]|list[T], /) -> set[T]", B_LIB, NULL, type_set_method, emit_set_method, 0,
     NULL, "one argument"},
    {"set", "symmetric_difference", "(other: set[T]|list[T], /) -> set[T]", B_LIB, NULL, type_set_method,
     emit_set_method, 0, NULL, NULL},
    {"set", "issubset", "(other: set[T]|list[T], /) -> bool", B_LIB, NULL, type_set_method, emit_set_method, 0, NULL,
     NULL},
    {"set", "issuperset", "(other: set[T]|list[T], /) -> bool", B_LIB, NULL, type_set_method, emit_set_method, 0, NULL,
     NULL},
    {"set", "isdisjoint", "(other: set[T]|list[T], /) -> bool", B_LIB, NULL, type_set_method, emit_set_method, 0, NULL,
     NULL},
    {"frozenset", "copy", "() -> set[T]", B_LIB, NULL, type_set_method, emit_set_method, 0, NULL, NULL},
    {"frozenset", "union", "(other: set[T]|list[T], /) -> set[T]", B_LIB, NULL, type_set_method, emit_set_method, 0,
     NULL, "one argument"},
    {"frozenset", "intersection", "(other: set[T]|list[T], /) -> set[T]", B_LIB, NULL, type_set_method, emit_set_method,
     0, NULL, "one argument"},
    {"frozenset", "difference", "(other: set[T]|list[T], /) -> set[T]", B_LIB, NULL, type_set_method, emit_set_method,
     0, NULL, "one argument"},
    {"frozenset", "symmetric_difference", "(other: set[T]|list[T], /) -> set[T]", B_LIB, NULL, type_set_method,
     emit_set_method, 0, NULL, NULL},
    {"frozenset", "issubset", "(other: set[T]|list[T], /) -> bool", B_LIB, NULL, type_set_method, emit_set_method, 0,
     NULL, NULL},
    {"frozenset", "issuperset", "(other: set[T]|list[T], /) -> bool", B_LIB, NULL, type_set_method, emit_set_method, 0,
     NULL, NULL},
    {"frozenset", "isdisjoint", "(other: set[T]|list[T], /) -> bool", B_LIB, NULL, type_set_method, emit_set_method, 0,
     NULL, NULL},

    /* ---- tuple ---- */
    NOT_YET("tuple", "count"),
    NOT_YET("tuple", "index"),

    /* ---- Task ---- */
    {"Task", "done", "() -> bool", B_LIB, "ac_task_done", NULL, NULL, BF_PURE, NULL, NULL},
    {"Task", "cancelled", "() -> bool", B_LIB, "ac_task_cancelled", NULL, NULL, BF_PURE, NULL, NULL},
    {"Task", "cancel", "(msg: str|None = None) -> bool", B_LIB, "ac_task_cancel_msg", NULL, NULL, 0, NULL,
     "the CancelledError thrown into the task carries msg"},
    {"Task", "result", "() -> T", B_LIB, "ac_task_get_result", NULL, NULL, 0, NULL, NULL},
    {"Task", "exception", "() -> BaseException|None", B_LIB, "ac_task_exception", type_task_exception, NULL, 0, NULL,
     "CancelledError if cancelled, InvalidStateError if not done"},
    {"Task", "get_name", "() -> str", B_LIB, "ac_task_get_name", NULL, NULL, 0, NULL, "'Task-N' unless named"},
    {"Task", "set_name", "(value: str, /) -> None", B_LIB, "ac_task_set_name", NULL, NULL, BF_PURE, NULL, NULL},
    {"Task", "add_done_callback", "(fn: callable, /) -> None", B_LIB, NULL, type_done_callback, emit_done_callback, 0,
     "context", "fn: a def, lambda, closure, partial or bound method taking the task; it runs one loop round after the task ends"},
    {"Task", "remove_done_callback", "(fn: callable, /) -> int", B_LIB, NULL, type_done_callback, emit_done_callback,
     0, NULL, "fn: a def, or the function value or bound method given to add_done_callback; the count removed"},
    NOT_YET("Task", "get_coro"),
    {"Task", "set_result", "(result: T, /) -> None", B_LIB, "ac_future_set_result", NULL, NULL, 0, NULL,
     "a Future's (loop.create_future()); RuntimeError on a Task"},
    {"Task", "set_exception", "(exception: BaseException, /) -> None", B_LIB, "ac_future_set_exception", NULL, NULL, 0,
     NULL, "a Future's; RuntimeError on a Task"},
    {"Task", "cancelling", "() -> int", B_LIB, "ac_task_cancelling", NULL, NULL, BF_PURE, NULL,
     "the number of cancel() requests not withdrawn by uncancel()"},
    {"Task", "uncancel", "() -> int", B_LIB, "ac_task_uncancel", NULL, NULL, BF_PURE, NULL, NULL},

    /* ---- asyncio's Event, Lock, Semaphore, Queue (rt_sync.c) ---- */
    {"Event", "set", "() -> None", B_LIB, "ac_event_set", NULL, NULL, BF_PURE, NULL, NULL},
    {"Event", "clear", "() -> None", B_LIB, "ac_event_clear", NULL, NULL, BF_PURE, NULL, NULL},
    {"Event", "is_set", "() -> bool", B_LIB, "ac_event_is_set", NULL, NULL, BF_PURE, NULL, NULL},
    {"Event", "wait", "() -> Coroutine[bool]", B_SYNC_AWAIT, "ac_event_wait_begin", NULL, NULL, 0, NULL,
     "awaited in place"},
    {"Lock", "acquire", "() -> Coroutine[bool]", B_SYNC_AWAIT, "ac_lock_acquire_begin", NULL, NULL, 0, NULL,
     "awaited in place"},
    {"Lock", "release", "() -> None", B_LIB, "ac_lock_release", NULL, NULL, 0, NULL, NULL},
    {"Lock", "locked", "() -> bool", B_LIB, "ac_lock_locked", NULL, NULL, BF_PURE, NULL, NULL},
    {"Semaphore", "acquire", "() -> Coroutine[bool]", B_SYNC_AWAIT, "ac_semaphore_acquire_begin", NULL, NULL, 0, NULL,
     "awaited in place"},
    {"Semaphore", "release", "() -> None", B_LIB, "ac_semaphore_release", NULL, NULL, 0, NULL, NULL},
    {"Semaphore", "locked", "() -> bool", B_LIB, "ac_semaphore_locked", NULL, NULL, BF_PURE, NULL, NULL},
    {"Condition", "acquire", "() -> Coroutine[bool]", B_SYNC_AWAIT, "ac_condition_acquire_begin", NULL, NULL, 0, NULL,
     "awaited in place"},
    {"Condition", "release", "() -> None", B_LIB, "ac_condition_release", NULL, NULL, 0, NULL, NULL},
    {"Condition", "locked", "() -> bool", B_LIB, "ac_condition_locked", NULL, NULL, BF_PURE, NULL, NULL},
    {"Condition", "wait", "() -> Coroutine[bool]", B_SYNC_AWAIT, "ac_condition_wait_begin", NULL, NULL, 0, NULL,
     "awaited in place; RuntimeError without the lock"},
    {"Condition", "notify", "(n: int = 1) -> None", B_LIB, "ac_condition_notify", NULL, NULL, 0, NULL, NULL},
    {"Condition", "notify_all", "() -> None", B_LIB, "ac_condition_notify_all", NULL, NULL, 0, NULL, NULL},
    {"Condition", "wait_for", "(predicate: callable, /) -> Coroutine[T]", B_SYNC_AWAIT, "ac_condition_wait_begin",
     type_cond_wait_for, NULL, 0, NULL, "awaited in place; predicate: a def, lambda, closure, partial or bound method without arguments"},
    {"Timeout", "expired", "() -> bool", B_LIB, "ac_timeout_expired", NULL, NULL, BF_PURE, NULL, NULL},
    {"Timeout", "when", "() -> float", B_LIB, "ac_timeout_when", NULL, NULL, BF_PURE, NULL, NULL},
    {"Timeout", "reschedule", "(when: float) -> None", B_LIB, "ac_timeout_reschedule", NULL, NULL, BF_PURE, NULL,
     "when: not None"},
    {"Timeout", "__aenter__", "() -> None", B_LIB, "ac_timeout_aenter", NULL, NULL, 0, NULL,
     "what `async with` calls on entry"},
    {"Timeout", "__aexit__", "(cancelled: bool) -> None", B_LIB, "ac_timeout_aexit", NULL, NULL, 0, NULL,
     "what `async with` calls on exit: TimeoutError when cancelled by the expiry"},
    {"Barrier", "wait", "() -> Coroutine[int]", B_LIB, "ac_barrier_wait", NULL, NULL, 0, NULL,
     "the party's index; all are woken when the last arrives"},
    {"Barrier", "reset", "() -> Coroutine[None]", B_LIB, "ac_barrier_reset", NULL, NULL, 0, NULL, NULL},
    {"Barrier", "abort", "() -> Coroutine[None]", B_LIB, "ac_barrier_abort", NULL, NULL, 0, NULL, NULL},
    {"Barrier", "parties", "() -> int", B_LIB, "ac_barrier_parties", NULL, NULL, BF_ATTR | BF_PURE, NULL,
     "an attribute"},
    {"Barrier", "n_waiting", "() -> int", B_LIB, "ac_barrier_n_waiting", NULL, NULL, BF_ATTR | BF_PURE, NULL,
     "an attribute"},
    {"Barrier", "broken", "() -> bool", B_LIB, "ac_barrier_broken", NULL, NULL, BF_ATTR | BF_PURE, NULL,
     "an attribute"},
    {"TaskGroup", "create_task", "(coro: Coroutine[T], *, name: str|None = None) -> Task[T]", B_LIB, NULL,
     type_create_task, emit_taskgroup_create_task, 0, "context", "RuntimeError once the group is finished"},
    {"TaskGroup", "__aenter__", "() -> None", B_LIB, "ac_taskgroup_aenter", NULL, NULL, 0, NULL,
     "what `async with` calls on entry"},
    {"TaskGroup", "__aexit__", "(exc: BaseException|None) -> Coroutine[None]", B_SYNC_AWAIT, "ac_taskgroup_aexit_begin",
     NULL, NULL, 0, NULL,
     "what `async with` awaits on exit: waits for the children, raises ExceptionGroup of their errors"},
    {"EventLoop", "time", "() -> float", B_LIB, "ac_loop_time", NULL, NULL, BF_PURE, NULL,
     "the loop's clock (the virtual clock under ASYNCC_CLOCK=virtual)"},
    {"EventLoop", "create_future", "() -> Task[object]", B_LIB, "ac_loop_create_future", NULL, NULL, 0, NULL,
     "a Future: a Task[object] without a coroutine, completed by set_result/set_exception/cancel"},
    {"EventLoop", "call_soon", "(callback: callable, *args: object) -> Handle", B_LIB, NULL, type_loop_call,
     emit_loop_call, 0, "context", "callback: a def, lambda, closure, partial or bound method taking the arguments"},
    {"EventLoop", "call_later", "(delay: float, callback: callable, *args: object) -> Handle", B_LIB, NULL,
     type_loop_call, emit_loop_call, 0, "context", "callback: a def, lambda, closure, partial or bound method taking the arguments"},
    {"EventLoop", "call_at", "(when: float, callback: callable, *args: object) -> Handle", B_LIB, NULL, type_loop_call,
     emit_loop_call, 0, "context", "callback: a def, lambda, closure, partial or bound method taking the arguments"},
    {"EventLoop", "set_exception_handler", "(handler: callable, /) -> None", B_LIB, NULL, type_set_exc_handler,
     emit_set_exc_handler, 0, NULL,
     "handler(loop, context): a def, lambda, closure or bound method, or None; context is a dict[str, object]"},
    {"EventLoop", "get_exception_handler", "() -> object", B_LIB, "ac_loop_get_exception_handler", type_get_exc_handler,
     emit_get_exc_handler, 0, NULL,
     "None, or the handler (True for a def named directly)"},
    {"EventLoop", "call_exception_handler", "(context: dict[str, object], /) -> None", B_LIB, NULL,
     type_call_exc_handler, emit_call_exc_handler, 0, NULL, "the handler set, else the default one"},
    {"EventLoop", "default_exception_handler", "(context: dict[str, object], /) -> None", B_LIB, NULL,
     type_call_exc_handler, emit_call_exc_handler, 0, NULL,
     "prints the message, the other keys, then the exception's traceback"},
    {"Handle", "cancel", "() -> None", B_LIB, "ac_handle_cancel", NULL, NULL, BF_PURE, NULL, NULL},
    {"Handle", "cancelled", "() -> bool", B_LIB, "ac_handle_cancelled", NULL, NULL, BF_PURE, NULL, NULL},
    {"Handle", "when", "() -> float", B_LIB, "ac_handle_when", NULL, NULL, BF_PURE, NULL,
     "a call_later/call_at handle's deadline"},
    {"EventLoop", "run_until_complete", "(future: Coroutine[T], /) -> T", B_LIB, NULL, type_shield_result,
     emit_run_until_complete, 0, NULL, "a coroutine; the tasks still pending at its end stay pending"},
    {"EventLoop", "run_forever", "() -> None", B_LIB, "ac_loop_run_forever", NULL, NULL, 0, NULL,
     "until stop() is called (or nothing is left to run)"},
    {"EventLoop", "stop", "() -> None", B_LIB, "ac_loop_stop", NULL, NULL, BF_PURE, NULL,
     "run_forever returns after the current loop round"},
    {"EventLoop", "close", "() -> None", B_LIB, "ac_loop_close", NULL, NULL, BF_PURE, NULL, NULL},
    {"EventLoop", "is_closed", "() -> bool", B_LIB, "ac_loop_is_closed", NULL, NULL, BF_PURE, NULL, NULL},
    {"EventLoop", "create_task", "(coro: Coroutine[T], *, name: str|None = None) -> Task[T]", B_LIB, NULL,
     type_create_task, emit_create_task, 0, "context", "as asyncio.create_task"},
    {"Queue", "put", "(item: T, /) -> Coroutine[None]", B_SYNC_AWAIT, "ac_queue_put_begin", NULL, NULL, 0, NULL,
     "awaited in place"},
    {"Queue", "get", "() -> Coroutine[T]", B_SYNC_AWAIT, "ac_queue_get_begin", NULL, NULL, 0, NULL, "awaited in place"},
    {"Queue", "join", "() -> Coroutine[None]", B_SYNC_AWAIT, "ac_queue_join_begin", NULL, NULL, 0, NULL,
     "awaited in place"},
    {"Queue", "put_nowait", "(item: T, /) -> None", B_LIB, "ac_queue_put_nowait", NULL, NULL, 0, NULL,
     "QueueFull when full"},
    {"Queue", "get_nowait", "() -> T", B_LIB, "ac_queue_get_nowait", NULL, NULL, 0, NULL, "QueueEmpty when empty"},
    {"Queue", "task_done", "() -> None", B_LIB, "ac_queue_task_done", NULL, NULL, 0, NULL, NULL},
    {"Queue", "qsize", "() -> int", B_LIB, "ac_queue_qsize", NULL, NULL, BF_PURE, NULL, NULL},
    {"Queue", "empty", "() -> bool", B_LIB, "ac_queue_empty", NULL, NULL, BF_PURE, NULL, NULL},
    {"Queue", "full", "() -> bool", B_LIB, "ac_queue_full", NULL, NULL, BF_PURE, NULL, NULL},

    /* ---- asyncio ---- */
    {"asyncio", "run", "(main: Coroutine[T]) -> T", B_LIB, NULL, type_arun, emit_arun, 0, "debug", NULL},
    {"asyncio", "sleep", "(delay: float, result: T = None) -> Coroutine[T]", B_SLEEP, NULL, type_sleep, NULL,
     0, NULL, "sleep(0) is a bare yield; the await gives result"},
    {"asyncio", "gather", "(*aws: Awaitable[T], return_exceptions: bool = False) -> Coroutine[list[T]]", B_GATHER, NULL,
     type_gather, NULL, BF_STARRED, NULL, "return_exceptions must be a literal; True gives list[object]"},
    {"asyncio", "wait_for", "(aw: Awaitable[T], timeout: float|None) -> Coroutine[T]", B_WAIT_FOR, NULL, type_wait_for,
     NULL, 0, NULL, NULL},
    {"asyncio", "create_task", "(coro: Coroutine[T], *, name: str|None = None) -> Task[T]", B_LIB, NULL,
     type_create_task, emit_create_task, 0, "context", NULL},
    {"asyncio", "ensure_future", "(coro: Coroutine[T]) -> Task[T]", B_LIB, NULL, type_create_task, emit_create_task, 0,
     NULL, "a coroutine only"},
    {"asyncio", "Event", "() -> Event", B_LIB, "ac_event_new", NULL, NULL, 0, NULL, NULL},
    {"asyncio", "Lock", "() -> Lock", B_LIB, "ac_lock_new", NULL, NULL, 0, NULL,
     "`async with lock:`; a released lock goes to the first waiter, as in CPython"},
    {"asyncio", "Semaphore", "(value: int = 1) -> Semaphore", B_LIB, "ac_semaphore_new", NULL, NULL, 0, NULL,
     "`async with sem:`"},
    {"asyncio", "BoundedSemaphore", "(value: int = 1) -> Semaphore", B_LIB, "ac_bounded_semaphore_new", NULL, NULL, 0,
     NULL, "release() past the initial value raises ValueError"},
    {"asyncio", "Queue", "(maxsize: int = 0) -> Queue", B_LIB, "ac_queue_fifo_new", type_queue_new, emit_queue_new, 0,
     NULL, "the items of the program's queues have one type: what every put() stores (int if all are ints), else `object`"},
    {"asyncio", "LifoQueue", "(maxsize: int = 0) -> Queue", B_LIB, "ac_queue_lifo_new", type_queue_new,
     emit_queue_new, 0, NULL, "items typed as Queue's"},
    {"asyncio", "PriorityQueue", "(maxsize: int = 0) -> Queue", B_LIB, "ac_queue_priority_new", type_queue_new,
     emit_queue_new, 0, NULL, "items typed as Queue's; heapq's order"},
    {"asyncio", "Condition", "(lock: Lock|None = None) -> Condition", B_LIB, "ac_condition_new", NULL, NULL, 0, NULL,
     "`async with cond:`"},
    {"asyncio", "Barrier", "(parties: int) -> Barrier", B_LIB, "ac_barrier_new", NULL, NULL, 0, NULL,
     "ValueError unless parties > 0; BrokenBarrierError when aborted or reset while waiting"},
    {"asyncio", "TaskGroup", "() -> TaskGroup", B_LIB, "ac_taskgroup_new", NULL, NULL, 0, NULL,
     "`async with asyncio.TaskGroup() as tg:`; the first failing child cancels the others"},
    {"asyncio", "timeout", "(delay: float) -> Timeout", B_LIB, "ac_timeout_new", NULL, NULL, 0, NULL,
     "`async with asyncio.timeout(d) [as cm]:`; the deadline is fixed when it is called; delay: not None"},
    {"asyncio", "timeout_at", "(when: float) -> Timeout", B_LIB, "ac_timeout_at_new", NULL, NULL, 0, NULL,
     "`async with asyncio.timeout_at(t) [as cm]:`; when: not None"},
    {"asyncio", "wait",
     "(fs: object, *, timeout: float|None = None, return_when: str = 'ALL_COMPLETED') -> "
     "Coroutine[tuple[set[Task[T]], set[Task[T]]]]",
     B_ASYNC_WAIT, "ac_asyncio_wait_begin", type_asyncio_wait, NULL, 0, NULL,
     "fs: a list or set of tasks; awaited in place"},
    {"asyncio", "as_completed", "(fs: list[Coroutine[T]], *, timeout: float|None = None) -> list[Coroutine[T]]", B_LIB,
     NULL, type_as_completed, emit_as_completed, 0, NULL,
     "fs: a list of coroutines or tasks; a list of awaitables (CPython: an iterator), each giving the next result"},
    {"asyncio", "shield", "(aw: Awaitable[T], /) -> Coroutine[T]", B_SHIELD, "ac_shield_begin", type_shield, NULL, 0,
     NULL, "awaited in place: cancelling the awaiting task leaves aw running"},
    {"asyncio", "current_task", "() -> Task[object]", B_LIB, "ac_current_task", NULL, NULL, 0, "loop",
     "the task running this code; its result() is `object`"},
    {"asyncio", "all_tasks", "() -> set[Task[object]]", B_LIB, "ac_all_tasks", NULL, NULL, BF_RESULT_DESC, "loop",
     "the running loop's unfinished tasks"},
    {"asyncio", "get_running_loop", "() -> EventLoop", B_LIB, "ac_get_running_loop", NULL, NULL, 0, NULL,
     "RuntimeError outside a coroutine"},
    {"asyncio", "get_event_loop", "() -> EventLoop", B_LIB, "ac_get_running_loop", NULL, NULL, 0, NULL,
     "the running loop (RuntimeError outside a coroutine, where CPython makes one)"},
    {"asyncio", "new_event_loop", "() -> EventLoop", B_LIB, "ac_new_event_loop", NULL, NULL, 0, NULL,
     "the program's one loop (one clock) under an object of its own"},
    {"asyncio", "set_event_loop", "(loop: EventLoop|None, /) -> None", B_LIB, "ac_set_event_loop", NULL, NULL, BF_PURE,
     NULL, "the program has one loop: nothing to do"},
    {"asyncio", "Future", "() -> Task[object]", B_LIB, "ac_future_new", NULL, NULL, 0, "loop",
     "a Future of the running loop, typed Task[object]"},
    {"asyncio", "Runner", "() -> Runner", B_LIB, "ac_runner_new", NULL, NULL, 0, NULL,
     "`with asyncio.Runner() as runner:` closes it at the end"},
    {"Runner", "run", "(coro: Coroutine[T], /) -> T", B_LIB, NULL, type_shield_result, emit_run_until_complete, 0, NULL,
     "a coroutine; the tasks still pending at its end stay pending until close()"},
    {"Runner", "get_loop", "() -> EventLoop", B_LIB, "ac_runner_get_loop", NULL, NULL, 0, NULL,
     "the program's one loop; RuntimeError once closed"},
    {"Runner", "close", "() -> None", B_LIB, "ac_runner_close", NULL, NULL, 0, NULL,
     "cancels the tasks still pending, as asyncio.run's end does"},
    NOT_YET("asyncio", "to_thread"),
    NOT_YET("asyncio", "iscoroutine"),
    {"asyncio", "FIRST_COMPLETED", "() -> str", B_LIB, "ac_asyncio_first_completed", NULL, NULL, BF_ATTR, NULL,
     "the string 'FIRST_COMPLETED', as in CPython"},
    {"asyncio", "FIRST_EXCEPTION", "() -> str", B_LIB, "ac_asyncio_first_exception", NULL, NULL, BF_ATTR, NULL, NULL},
    {"asyncio", "ALL_COMPLETED", "() -> str", B_LIB, "ac_asyncio_all_completed", NULL, NULL, BF_ATTR, NULL, NULL},
    NOT_YET("asyncio", "Task"),

    /* ---- sys.stdout, sys.stderr (print's file= takes them too) ---- */
    {"sys.stdout", "write", "(s: str, /) -> int", B_LIB, "ac_stdout_write", NULL, NULL, 0, NULL,
     "line-buffered on a terminal, block-buffered otherwise"},
    {"sys.stdout", "flush", "() -> None", B_LIB, "ac_stdout_flush", NULL, NULL, BF_PURE, NULL, NULL},
    {"sys.stderr", "write", "(s: str, /) -> int", B_LIB, "ac_stderr_write", NULL, NULL, 0, NULL, "written through"},
    {"sys.stderr", "flush", "() -> None", B_LIB, "ac_stderr_flush", NULL, NULL, BF_PURE, NULL, NULL},

    /* ---- time ---- (no BF_PURE on the draws and clock readings below: each call
     * must happen in Python's left-to-right order, not C's unspecified one) */
    /* tinyio (check_tinyio.c, rt_tinyio.c): coroutines are generators */
    {"tinyio", "Loop", "() -> tinyio_Loop", B_LIB, "ac_tio_loop_new", NULL, NULL, 0, NULL, NULL},
    {"tinyio", "sleep", "(delay_in_seconds: float) -> Generator[object, object, None]", B_LIB, "ac_tio_sleep",
     type_tio_none_coro, NULL, 0, NULL, NULL},
    {"tinyio", "Event", "() -> tinyio_Event", B_LIB, "ac_tio_event_new", NULL, NULL, 0, NULL, NULL},
    {"tinyio", "Semaphore", "(value: int) -> tinyio_Semaphore", B_LIB, "ac_tio_semaphore_new", NULL, NULL, 0, NULL,
     "`with (yield sem()):`"},
    {"tinyio", "Lock", "() -> tinyio_Lock", B_LIB, "ac_tio_lock_new", NULL, NULL, 0, NULL, "`with (yield lock()):`"},
    {"tinyio", "Barrier", "(value: int) -> tinyio_Barrier", B_LIB, "ac_tio_barrier_new", NULL, NULL, 0, NULL,
     NULL},
    {"tinyio", "timeout", "(coro: object, timeout_in_seconds: float) -> Generator[object, object, tuple[object, bool]]",
     B_LIB, "ac_tio_timeout", type_tio_timeout, NULL, 0, NULL, NULL},
    {"tinyio", "as_completed", "(coros: object) -> Generator[object, object, list[Generator[object, object, object]]]",
     B_LIB, "ac_tio_as_completed", type_tio_as_completed, NULL, 0, NULL,
     "coros: a set of coroutines; the results come as objects"},
    {"tinyio", "run_in_thread", "(fn: object, /, *args: object) -> Generator[object, object, object]", B_GEN_OP, NULL,
     NULL, NULL, 0, NULL,
     "fn: a function's name; it runs inline (no threads), after the coroutine pauses once; no keyword arguments"},
    {"tinyio", "ThreadPool", "(max_threads: int) -> tinyio_ThreadPool", B_LIB, "ac_tio_semaphore_new", NULL, NULL, 0,
     NULL, "`pool.run_in_thread(fn, *args)` and `pool.map(fn, xs)` run inline as run_in_thread does"},
    NOT_YET("tinyio", "isolate"),
    NOT_YET("tinyio", "copy"),
    NOT_YET("tinyio", "to_asyncio"),
    NOT_YET("tinyio", "from_asyncio"),
    NOT_YET("tinyio", "to_trio"),
    NOT_YET("tinyio", "from_trio"),
    {"tinyio_Loop", "run", "(coro: object, exception_group: bool|None = None) -> object", B_LIB, "ac_tio_run",
     type_tio_run, emit_tio_run, 0, NULL, "the coroutine's result"},
    {"tinyio_Event", "is_set", "() -> bool", B_LIB, "ac_tio_event_is_set", NULL, NULL, BF_PURE, NULL, NULL},
    {"tinyio_Event", "set", "() -> None", B_LIB, "ac_tio_event_set", NULL, NULL, BF_PURE, NULL, NULL},
    {"tinyio_Event", "clear", "() -> None", B_LIB, "ac_tio_event_clear", NULL, NULL, BF_PURE, NULL, NULL},
    {"tinyio_Event", "wait", "(timeout_in_seconds: float|None = None) -> Generator[object, object, None]", B_LIB,
     "ac_tio_event_wait", type_tio_none_coro, emit_tio_wait, 0, NULL, NULL},
    {"tinyio_Semaphore", "__call__", "() -> Generator[object, object, tinyio_CloseSemaphore]", B_LIB,
     "ac_tio_semaphore_call", type_tio_sem_call, NULL, 0, NULL, "`with (yield sem()):`"},
    {"tinyio_CloseSemaphore", "__exit__", "() -> None", B_LIB, "ac_tio_guard_exit", NULL, NULL, BF_PURE, NULL,
     "run by the end of `with (yield sem()):`"},
    {"tinyio_Barrier", "wait", "() -> Generator[object, object, int]", B_LIB, "ac_tio_barrier_wait",
     type_tio_barrier_wait, NULL, 0, NULL, NULL},
    {"time", "time", "() -> float", B_LIB, "ac_time_time", NULL, NULL, 0, NULL,
     "the virtual clock under ASYNCC_CLOCK=virtual"},
    {"time", "monotonic", "() -> float", B_LIB, "ac_time_monotonic", NULL, NULL, 0, NULL,
     "the virtual clock under ASYNCC_CLOCK=virtual"},
    {"time", "perf_counter", "() -> float", B_LIB, "ac_time_perf_counter", NULL, NULL, 0, NULL,
     "the virtual clock under ASYNCC_CLOCK=virtual"},
    {"time", "sleep", "(secs: float, /) -> None", B_LIB, "ac_time_sleep", NULL, NULL, 0, NULL,
     "blocks the whole program (no other task runs); advances the virtual clock"},
    {"gc", "collect", "() -> int", B_LIB, "ac_gc_collect", NULL, NULL, 0, NULL,
     "frees the reference cycles nothing outside them holds; the count it returns is of asyncc's objects, not "
     "CPython's (it also runs by itself, and at exit)"},
    NOT_YET("time", "time_ns"),
    NOT_YET("time", "monotonic_ns"),
    NOT_YET("time", "perf_counter_ns"),
    NOT_YET("time", "process_time"),
    {"time", "localtime", "(secs: float|None = None, /) -> tuple[int, int, int, int, int, int, int, int, int]", B_LIB, NULL, NULL, emit_time_struct, 0, NULL,
     "a struct_time is a tuple of its 9 fields (tm_year ... tm_isdst by name too); it prints as a tuple"},
    {"time", "gmtime", "(secs: float|None = None, /) -> tuple[int, int, int, int, int, int, int, int, int]", B_LIB, NULL, NULL, emit_time_struct, 0, NULL,
     "as localtime, in UTC"},
    {"time", "strftime", "(format: str, t: tuple[int, int, int, int, int, int, int, int, int]|None = None, /) -> str", B_LIB, "ac_time_strftime",
     NULL, NULL, 0, NULL, "the C library's strftime, as CPython's; without t: the local time now (the real clock)"},
    NOT_YET("time", "ctime"),

    /* ---- sys ---- */
    {"sys", "argv", "() -> list[str]", B_LIB, "ac_sys_argv", NULL, NULL, BF_ATTR, NULL,
     "the command line; argv[0] is the program"},
    {"sys", "exit", "(status: object = None, /) -> None", B_LIB, NULL, type_sys_exit, emit_sys_exit, 0, NULL,
     "raises SystemExit(status): exit status 0 for None, the int itself, else 1 with the value on stderr"},
    {"sys", "stdin", "() -> list[str]", B_LIB, "ac_sys_stdin_lines", NULL, NULL, BF_ATTR, NULL,
     "`for line in sys.stdin` reads the remaining lines first"},
    {"sys.stdin", "readline", "() -> str", B_LIB, "ac_sys_stdin_readline", NULL, NULL, 0, "size",
     "'' at the end of input"},
    {"sys.stdin", "read", "() -> str", B_LIB, "ac_sys_stdin_read", NULL, NULL, 0, "size", NULL},
    {"sys.stdin", "readlines", "() -> list[str]", B_LIB, "ac_sys_stdin_lines", NULL, NULL, 0, "hint", NULL},
    NOT_YET("sys", "path"),
    NOT_YET("sys", "modules"),
    NOT_YET("sys", "platform"),
    NOT_YET("sys", "version"),
    {"sys", "getrecursionlimit", "() -> int", B_LIB, "ac_sys_getrecursionlimit", NULL, NULL, 0, NULL,
     "1000 unless set; counts what CPython counts (the module's frame, asyncio.run's frames, plain defs, recursive "
     "awaits, awaited coroutine objects) except a direct await of an async def that is not recursive, so such a "
     "recursion fails a frame or two deeper than in CPython"},
    {"sys", "setrecursionlimit", "(limit: int, /) -> None", B_LIB, "ac_sys_setrecursionlimit", NULL, NULL, 0, NULL,
     "deeper calls and recursive awaits raise RecursionError; a limit at or below the current depth raises "
     "RecursionError as in CPython"},
    NOT_YET("sys", "version_info"),
    NOT_YET("sys", "maxsize"),
    NOT_YET("sys", "implementation"),

    /* ---- random ---- */
    {"random", "seed", "(a: int|None = None, /) -> None", B_LIB, NULL, NULL, emit_random_seed, 0, "version",
     "CPython's Mersenne Twister: the same seed gives CPython's numbers; a: an int"},
    {"random", "random", "() -> float", B_LIB, "ac_random_random", NULL, NULL, 0, NULL, NULL},
    {"random", "randint", "(a: int, b: int, /) -> int", B_LIB, "ac_random_randint", NULL, NULL, 0, NULL, NULL},
    {"random", "randrange", "(start: int, stop: int|None = None, step: int = 1, /) -> int", B_LIB, NULL, NULL,
     emit_random_randrange, 0, NULL, NULL},
    {"random", "choice", "(seq: list[T]|str, /) -> T", B_LIB, NULL, type_random_choice, emit_random_choice, 0, NULL,
     NULL},
    {"random", "shuffle", "(x: list[T], /) -> None", B_LIB, "ac_random_shuffle", type_random_shuffle, NULL, BF_PURE,
     NULL, NULL},
    {"random", "uniform", "(a: float, b: float, /) -> float", B_LIB, "ac_random_uniform", NULL, NULL, 0, NULL, NULL},
    NOT_YET("random", "getrandbits"),
    NOT_YET("random", "sample"),
    NOT_YET("random", "choices"),
    NOT_YET("random", "gauss"),
    NOT_YET("random", "normalvariate"),
    NOT_YET("random", "expovariate"),
    NOT_YET("random", "triangular"),
    NOT_YET("random", "betavariate"),
    NOT_YET("random", "Random"),
    NOT_YET("random", "getstate"),
    NOT_YET("random", "setstate"),
};
const int builtin_count = (int)(sizeof builtin_table / sizeof *builtin_table);

/* ---- lookup ------------------------------------------------------------- */

static bool same_recv(const char *a, const char *b) { return a == b || (a && b && !strcmp(a, b)); }

/* A hash map from "recv.name" to the row: calls are looked up often. */
const Builtin *builtin_find(const char *recv, const char *name) {
    static Map index;
    if (!index.len)
        for (int i = 0; i < builtin_count; i++) {
            const Builtin *b = &builtin_table[i];
            map_put(&index, builtin_qualname(b), (void *)b);
        }
    const Builtin *b = map_get(&index, recv ? format("%s.%s", recv, name) : name);
    return b && same_recv(b->recv, recv) ? b : NULL;
}

const char *builtin_qualname(const Builtin *b) { return b->recv ? format("%s.%s", b->recv, b->name) : b->name; }

const char *builtin_recv_name(const Type *t) {
    switch (t->kind) {
    case TY_STR: return "str";
    case TY_LIST: return "list";
    case TY_TUPLE: return "tuple";
    case TY_TASK: return "Task";
    case TY_DICT: return "dict";
    case TY_SET: return "set";
    case TY_FROZENSET: return "frozenset";
    case TY_SYNC: return sync_recv_name(t);
    default: return NULL;
    }
}

static const char *modules_supported[] = {"asyncio", "asyncc", "time",   "sys",        "random",
                                          "typing",  "tinyio", "functools", "dataclasses", "gc"};
/* modules a later issue adds: "not supported yet" (heapq: issue 16's hand-written loops) */
static const char *modules_planned[] = {"heapq", "collections"};

int builtin_module_status(const char *name) {
    for (size_t i = 0; i < sizeof modules_supported / sizeof *modules_supported; i++)
        if (!strcmp(modules_supported[i], name)) return 1;
    for (size_t i = 0; i < sizeof modules_planned / sizeof *modules_planned; i++)
        if (!strcmp(modules_planned[i], name)) return 2;
    return 0;
}

const char *builtin_module_list(void) {
    static char *list;
    if (!list) {
        Buf b = {0};
        for (size_t i = 0; i < sizeof modules_supported / sizeof *modules_supported; i++)
            buf_printf(&b, "%s%s", i ? ", " : "", modules_supported[i]);
        list = buf_take(&b);
    }
    return list;
}

/* Rows whose receiver is a module (or a module's object, "sys.stdin")
 * take no receiver value. */
bool builtin_is_module(const char *recv) {
    if (!recv) return false;
    size_t n = strcspn(recv, ".");
    for (size_t i = 0; i < sizeof modules_supported / sizeof *modules_supported; i++)
        if (strlen(modules_supported[i]) == n && !strncmp(modules_supported[i], recv, n)) return true;
    return false;
}

/* ---- signatures ---------------------------------------------------------- */

/* The end of the item starting at p: the next ',' or ')' outside brackets. */
static const char *item_end(const char *p) {
    int depth = 0;
    bool quoted = false;
    for (; *p; p++) {
        if (*p == '\'') quoted = !quoted;
        if (quoted) continue;
        if (*p == '[')
            depth++;
        else if (*p == ']' && --depth < 0)
            break;
        else if ((*p == ',' || *p == ')') && depth == 0)
            break;
    }
    return p;
}

static const char *trimmed(const char *p, const char *end) {
    while (p < end && *p == ' ') p++;
    while (end > p && end[-1] == ' ') end--;
    return xstrndup(p, (size_t)(end - p));
}

static Sig *parse_sig(const char *text) {
    Sig *s = xcalloc(1, sizeof *s);
    s->star = -1;
    s->params = xcalloc(strlen(text) / 2 + 1, sizeof(SigParam)); /* more than there can be */
    const char *p = text + 1;                                    /* after '(' */
    ParamKind kind = PK_POS;
    while (*p && *p != ')') {
        const char *end = item_end(p);
        const char *item = trimmed(p, end);
        p = *end == ',' ? end + 1 : end;
        if (!strcmp(item, "/")) { /* everything before is positional-only */
            for (int i = 0; i < s->n; i++) s->params[i].kind = PK_POS_ONLY;
            continue;
        }
        if (!strcmp(item, "*")) {
            kind = PK_KW_ONLY;
            continue;
        }
        SigParam *sp = &s->params[s->n];
        sp->kind = kind;
        if (*item == '*') {
            sp->kind = PK_STAR;
            s->star = s->n;
            kind = PK_KW_ONLY;
            item++;
        }
        const char *colon = strchr(item, ':'), *eq = strstr(item, " = ");
        sp->name = trimmed(item, colon);
        sp->type = trimmed(colon + 1, eq ? eq : item + strlen(item));
        sp->def = eq ? trimmed(eq + 3, item + strlen(item)) : NULL;
        if (sp->kind == PK_POS || sp->kind == PK_POS_ONLY) s->npos++;
        s->n++;
    }
    const char *arrow = strstr(p, "-> ");
    s->result = arrow ? arrow + 3 : "None";
    return s;
}

const Sig *builtin_sig(const Builtin *b) {
    static Sig **cache;
    if (!b->sig) return NULL;
    if (!cache) cache = xcalloc((size_t)builtin_count, sizeof *cache);
    int i = (int)(b - builtin_table);
    if (!cache[i]) cache[i] = parse_sig(b->sig);
    return cache[i];
}

/* The type between [ and the matching ]. */
static Type *inner_type(const char *open, Type *elem, const char **after) {
    const char *end = item_end(open + 1);
    Type *t = builtin_parse_type(trimmed(open + 1, end), elem);
    *after = end;
    return t;
}

static Type *bound_k, *bound_v;

void builtin_bind_kv(Type *k, Type *v) {
    bound_k = k;
    bound_v = v;
}

Type *builtin_parse_type(const char *text, Type *elem) {
    size_t n = strlen(text);
    if (n > 5 && !strcmp(text + n - 5, "|None")) return builtin_parse_type(xstrndup(text, n - 5), elem);
    /* "V|object": V is what the argument is expected to be, another type is the hook's to check */
    if (n > 7 && !strcmp(text + n - 7, "|object")) return builtin_parse_type(xstrndup(text, n - 7), elem);
    for (int depth = 0, i = 0; text[i]; i++) {
        depth += text[i] == '[' ? 1 : text[i] == ']' ? -1 : 0;
        if (text[i] == '|' && depth == 0) return NULL; /* a union: a hook checks */
    }
    if (!strcmp(text, "T")) return elem;
    if (!strcmp(text, "K")) return bound_k;
    if (!strcmp(text, "V")) return bound_v;
    if (!strcmp(text, "int")) return ty_int;
    if (!strcmp(text, "float")) return ty_float;
    if (!strcmp(text, "bool")) return ty_bool;
    if (!strcmp(text, "str")) return ty_str;
    if (!strcmp(text, "None")) return ty_none;
    if (!strcmp(text, "object") || !strcmp(text, "number")) return NULL; /* a hook checks */
    if (sync_type_named(text)) return sync_type_named(text);
    const char *after;
    if (!strncmp(text, "list[", 5)) {
        Type *e = inner_type(text + 4, elem, &after);
        return e ? ty_list(e) : NULL;
    }
    if (!strcmp(text, "Task[object]")) return ty_task(ty_any); /* current_task() */
    if (!strcmp(text, "set[Task[object]]")) return ty_set(ty_task(ty_any), false); /* all_tasks() */
    if (find_builtin_class(text)) return ty_exc(find_builtin_class(text));
    if (!strncmp(text, "Task[", 5)) {
        Type *e = inner_type(text + 4, elem, &after);
        return e ? ty_task(e) : NULL;
    }
    if (!strncmp(text, "Coroutine[", 10)) {
        Type *e = inner_type(text + 9, elem, &after);
        return e ? ty_coro(e) : NULL;
    }
    if (!strncmp(text, "tuple[", 6)) {
        Type **el = xcalloc(12, sizeof(Type *)); /* time.struct_time has 9 */
        int k = 0;
        for (const char *p = text + 5; *p == '[' || *p == ','; p = after) {
            el[k] = inner_type(p, elem, &after);
            if (!el[k++] || k == 12) return NULL;
        }
        return ty_tuple(el, k);
    }
    return NULL; /* Awaitable[T], unions: a hook checks */
}

const char *builtin_c_default(const char *def) {
    if (!strcmp(def, "None") || !strcmp(def, "False")) return !strcmp(def, "None") ? "NULL" : "0";
    if (!strcmp(def, "True")) return "1";
    if (def[0] == '\'') return "NULL"; /* a str default: the C function supplies it (fillchar=' ') */
    return def; /* numbers are spelt alike */
}

/* ---- docs/LANGUAGE.md ------------------------------------------------------ */

/* Markdown table cells: '|' even inside a code span ends the cell. */
static void md_cell(FILE *out, const char *s, int n) {
    for (int i = 0; i < n && s[i]; i++) fputs(s[i] == '|' ? "\\|" : (char[]){s[i], 0}, out);
}

static void md_words(FILE *out, const char *words) {
    for (const char *p = words; *p;) {
        size_t n = strcspn(p, " ");
        fprintf(out, "%s`%.*s`", p == words ? "" : ", ", (int)n, p);
        p += n;
        while (*p == ' ') p++;
    }
}

static void md_row(FILE *out, const Builtin *b) {
    const char *close = strstr(b->sig, ") -> ");
    fprintf(out, "| `%s%s%s", b->recv ? b->recv : "", b->recv ? "." : "", b->name);
    if (!(b->flags & BF_ATTR)) md_cell(out, b->sig, (int)(close - b->sig + 1));
    fputs("` | `", out);
    md_cell(out, builtin_sig(b)->result, 1 << 20);
    fputs("` | ", out);
    if (b->doc) fputs(b->doc, out);
    if (b->later && !strcmp(b->later, "**"))
        fprintf(out, "%skeyword arguments: not yet", b->doc ? "; " : "");
    else if (b->later) {
        fprintf(out, "%snot yet: ", b->doc ? "; " : "");
        md_words(out, b->later);
    }
    fputs(" |\n", out);
}

static void markdown_section(FILE *out, const char *recv, const char *title) {
    fprintf(out, "### %s\n\n", title);
    Buf later = {0};
    bool header = false;
    for (int i = 0; i < builtin_count; i++) {
        const Builtin *b = &builtin_table[i];
        if (!same_recv(b->recv, recv)) continue;
        if (!strncmp(b->name, "__asyncc_", 9)) continue; /* what the parser lowers to, not a builtin */
        if (b->flags & BF_NOT_YET) {
            buf_printf(&later, "%s`%s`", later.len ? ", " : "", b->name);
            continue;
        }
        if (!header) fputs("| call | returns | notes |\n|---|---|---|\n", out);
        header = true;
        md_row(out, b);
    }
    if (later.len) fprintf(out, "%sNot supported yet: %s.\n", header ? "\n" : "", later.data);
    fputc('\n', out);
}

void builtin_markdown(FILE *out) {
    fputs("<!-- generated by `build/asyncc --library-markdown` from transpiler/builtins.c -->\n\n"
          "Signatures use Python's notation: parameters before `/` are positional only, after `*` "
          "keyword only. `T` is the element type of the receiver, or the one type the arguments "
          "share; `number` is int or float (bool counts as int).\n\n",
          out);
    markdown_section(out, NULL, "Builtin functions");
    markdown_section(out, "str", "str methods");
    markdown_section(out, "list", "list methods");
    markdown_section(out, "dict", "dict methods");
    markdown_section(out, "set", "set methods");
    markdown_section(out, "frozenset", "frozenset methods");
    markdown_section(out, "tuple", "tuple methods");
    markdown_section(out, "Task", "Task methods");
    markdown_section(out, "asyncio", "asyncio module");
    markdown_section(out, "Event", "asyncio.Event methods");
    markdown_section(out, "Lock", "asyncio.Lock methods");
    markdown_section(out, "Semaphore", "asyncio.Semaphore and BoundedSemaphore methods");
    markdown_section(out, "Condition", "asyncio.Condition methods");
    markdown_section(out, "Timeout", "asyncio.timeout() and timeout_at() objects");
    markdown_section(out, "Queue", "asyncio.Queue, LifoQueue and PriorityQueue methods");
    markdown_section(out, "tinyio", "tinyio module");
    markdown_section(out, "tinyio_Loop", "tinyio.Loop methods");
    markdown_section(out, "tinyio_Event", "tinyio.Event methods");
    markdown_section(out, "tinyio_Semaphore", "tinyio.Semaphore and Lock");
    markdown_section(out, "tinyio_CloseSemaphore", "what `yield sem()` gives");
    markdown_section(out, "tinyio_Barrier", "tinyio.Barrier methods");
    markdown_section(out, "EventLoop", "asyncio.get_running_loop() methods");
    markdown_section(out, "TaskGroup", "asyncio.TaskGroup methods");
    markdown_section(out, "Barrier", "asyncio.Barrier methods and attributes");
    markdown_section(out, "Runner", "asyncio.Runner methods");
    markdown_section(out, "Handle", "loop.call_soon/call_later/call_at handles");
    markdown_section(out, "time", "time module");
    markdown_section(out, "gc", "gc module");
    markdown_section(out, "sys", "sys module");
    markdown_section(out, "sys.stdin", "sys.stdin methods");
    markdown_section(out, "random", "random module");
    markdown_section(out, "sys.stdout", "sys.stdout");
    markdown_section(out, "sys.stderr", "sys.stderr");
    fputs("### Modules\n\n`import asyncio`; `import asyncc` (the host-function decorators); `import time`, "
          "`import sys` (argv, exit, stdin and the standard streams), `import random`, `import gc` (`collect`); `import tinyio` (generator-based coroutines, run by tinyio's rules); "
          "`import functools` (`partial`, `wraps`); `import typing` and `from "
          "typing import ...` (the names are "
          "ignored: annotations are read by name). `import M as N` and `from M import name [as N]` "
          "work for these. Inside a `try:` that has except clauses, importing any other module raises "
          "`ModuleNotFoundError: No module named 'M'` at run time (the `try: import M / except "
          "ImportError:` pattern). Not supported yet: ",
          out);
    for (size_t i = 0; i < sizeof modules_planned / sizeof *modules_planned; i++)
        fprintf(out, "%s`%s`", i ? ", " : "", modules_planned[i]);
    fputs(". Any other module is an error elsewhere.\n", out);
}
