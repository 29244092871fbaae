/*
 * rt_num.c -- int and float arithmetic with Python semantics.  ints are
 * 64-bit: where CPython would grow a bignum we raise OverflowError.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "rt_internal.h"

int64_t ac_int_overflow(void) {
    ac_raise_msg(&ac_cls_OverflowError, "integer overflow");
    return 0;
}

#define overflow ac_int_overflow

/* the checked operations are inline in asyncc_rt.h */
#define MUL_OV ac_mul_overflows

int64_t ac_int_neg(int64_t a) {
    if (a == INT64_MIN) return overflow();
    return -a;
}

int64_t ac_int_abs(int64_t a) {
    if (a == INT64_MIN) return overflow();
    return a < 0 ? -a : a;
}

/* C truncates toward zero; Python floors.  Adjust when the signs differ
 * and the division was inexact. */
int64_t ac_int_floordiv(int64_t a, int64_t b) {
    int64_t q;
    if (b == 0) {
        ac_raise_msg(&ac_cls_ZeroDivisionError, "integer division or modulo by zero");
        return 0;
    }
    if (a == INT64_MIN && b == -1) return overflow();
    q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
    return q;
}

int64_t ac_int_mod(int64_t a, int64_t b) {
    int64_t r;
    if (b == 0) {
        ac_raise_msg(&ac_cls_ZeroDivisionError, "integer modulo by zero");
        return 0;
    }
    if (b == -1) return 0; /* also avoids INT64_MIN % -1 */
    r = a % b;
    if (r != 0 && ((r < 0) != (b < 0))) r += b; /* result takes b's sign */
    return r;
}

int64_t ac_int_pow(int64_t a, int64_t b) {
    int64_t r = 1;
    if (b < 0) {
        ac_raise_msg(&ac_cls_ValueError, "negative exponent not supported for int");
        return 0;
    }
    /* square-and-multiply, every step checked */
    while (b) {
        if (b & 1) {
            if (MUL_OV(r, a, &r)) return overflow();
        }
        b >>= 1;
        if (b && MUL_OV(a, a, &a)) return overflow();
    }
    return r;
}

double ac_int_truediv(int64_t a, int64_t b) {
    const int64_t exact = (int64_t)1 << 53;
    if (b == 0) {
        ac_raise_msg(&ac_cls_ZeroDivisionError, "division by zero");
        return 0.0;
    }
    /* both exactly representable: one correctly rounded division */
    if (a > -exact && a < exact && b > -exact && b < exact) return (double)a / (double)b;
    return (double)((long double)a / (long double)b);
}

int64_t ac_int_lshift(int64_t a, int64_t b) {
    if (b < 0) {
        ac_raise_msg(&ac_cls_ValueError, "negative shift count");
        return 0;
    }
    if (a == 0) return 0;
    if (b >= 64) return overflow();
    { /* shifting must keep every bit, including the sign */
        int64_t lim = INT64_MAX >> b;
        if (a > lim || a < -lim - 1) return overflow();
        return (int64_t)((uint64_t)a << b);
    }
}

int64_t ac_int_rshift(int64_t a, int64_t b) {
    if (b < 0) {
        ac_raise_msg(&ac_cls_ValueError, "negative shift count");
        return 0;
    }
    if (b > 63) b = 63;
    /* floor semantics for negatives, without relying on signed >> */
    return a < 0 ? ~(~a >> b) : a >> b;
}

double ac_float_div(double a, double b) {
    if (b == 0.0) {
        ac_raise_msg(&ac_cls_ZeroDivisionError, "float division by zero");
        return 0.0;
    }
    return a / b;
}

/* Python's float divmod: the remainder takes the divisor's sign and the
 * quotient is rounded so that q*b + r reproduces a as closely as possible. */
static void float_divmod(double a, double b, double *pq, double *pr) {
    double mod = fmod(a, b), div = (a - mod) / b, fl;
    if (mod != 0.0) {
        if ((b < 0) != (mod < 0)) {
            mod += b;
            div -= 1.0;
        }
    } else {
        mod = copysign(0.0, b);
    }
    if (div != 0.0) {
        fl = floor(div);
        if (div - fl > 0.5) fl += 1.0;
    } else {
        fl = copysign(0.0, a / b);
    }
    *pq = fl;
    *pr = mod;
}

double ac_float_floordiv(double a, double b) {
    double q, r;
    if (b == 0.0) {
        ac_raise_msg(&ac_cls_ZeroDivisionError, "float floor division by zero");
        return 0.0;
    }
    float_divmod(a, b, &q, &r);
    return q;
}

double ac_float_mod(double a, double b) {
    double q, r;
    if (b == 0.0) {
        ac_raise_msg(&ac_cls_ZeroDivisionError, "float modulo");
        return 0.0;
    }
    float_divmod(a, b, &q, &r);
    return r;
}

static int is_odd_int(double y) { return fabs(y) < 9007199254740992.0 && fmod(fabs(y), 2.0) == 1.0; }

double ac_float_pow(double a, double b) {
    double r;
    if (b == 0.0) return 1.0; /* even nan ** 0 */
    if (isnan(a)) return a;
    if (isnan(b)) return a == 1.0 ? 1.0 : b;
    if (a == 0.0) {
        if (b < 0) {
            ac_raise_msg(&ac_cls_ZeroDivisionError, "0.0 cannot be raised to a negative power");
            return 0.0;
        }
        return is_odd_int(b) ? a : 0.0;
    }
    if (isinf(b) || isinf(a)) return pow(a, b); /* C99 Annex F agrees here */
    if (a < 0 && b != floor(b)) {
        /* CPython returns a complex number; we have none. */
        ac_raise_msg(&ac_cls_ValueError, "negative number cannot be raised to a fractional power");
        return 0.0;
    }
    r = pow(a, b);
    if (isinf(r)) {
        ac_raise_msg(&ac_cls_OverflowError, "(34, 'Numerical result out of range')");
        return 0.0;
    }
    return r;
}

int64_t ac_float_to_int(double a) {
    if (isnan(a)) {
        ac_raise_msg(&ac_cls_ValueError, "cannot convert float NaN to integer");
        return 0;
    }
    if (isinf(a)) {
        ac_raise_msg(&ac_cls_OverflowError, "cannot convert float infinity to integer");
        return 0;
    }
    a = trunc(a);
    /* [-2^63, 2^63) is exactly the int64 range; both ends are doubles */
    if (a < -9223372036854775808.0 || a >= 9223372036854775808.0) return overflow();
    return (int64_t)a;
}

/* round(x): halfway cases go to the even neighbour. */
int64_t ac_float_round(double a) {
    double r;
    if (isnan(a) || isinf(a)) return ac_float_to_int(a);
    r = round(a);                                     /* halves away from zero ... */
    if (fabs(a - r) == 0.5) r = 2.0 * round(a / 2.0); /* ... fix ties */
    return ac_float_to_int(r);
}

/* round(x, n): printf rounds the exact binary value half-to-even, which is
 * what CPython's correctly rounded round() does for n >= 0. */
double ac_float_round_n(double a, int64_t ndigits) {
    char buf[400];
    if (!isfinite(a) || ndigits > 300) return a;
    if (ndigits >= 0) {
        snprintf(buf, sizeof buf, "%.*f", (int)ndigits, a);
        return strtod(buf, NULL);
    }
    if (ndigits < -308) return 0.0 * a;
    {
        double p = pow(10.0, (double)-ndigits);
        double y = a / p, r = floor(y);
        double d = y - r;
        if (d > 0.5 || (d == 0.5 && fmod(r, 2.0) != 0.0)) r += 1.0;
        return r * p;
    }
}
