/* Compiled candidate scans for the reference scanner (billlint.speedups holds the pure-Python versions).

   ref_starts(text): the start of every match of
       (?i)\b(?:sub)?(?:section|paragraph|clause|item|title|chapter|part)|\bdivision
   as re.finditer finds them (a search resumes at the end of the last match).
   this_starts(text): every position where \b(?:[Tt]his|[Ss]uch) matches.

   They must agree with Python's re exactly: \b is Unicode (a word character is alphanumeric or '_'),
   and (?i) lets U+017F (long s) match 's' and U+0130, U+0131 (dotted and dotless I) match 'i'. */

#define PY_SSIZE_T_CLEAN
#include <Python.h>

static int
is_word(Py_UCS4 c)
{
    if (c < 128)
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    return Py_UNICODE_ISALNUM(c);
}

/* The lower-case ASCII letter c matches under (?i), or 0. */
static Py_UCS4
fold(Py_UCS4 c)
{
    if (c < 128) {
        if (c >= 'A' && c <= 'Z')
            return c + 32;
        return (c >= 'a' && c <= 'z') ? c : 0;
    }
    if (c == 0x17F)
        return 's';
    if (c == 0x130 || c == 0x131)
        return 'i';
    return 0;
}

/* Whether word (lower-case ASCII) stands at text[i:] under (?i). */
static int
folded_at(int kind, const void *data, Py_ssize_t n, Py_ssize_t i, const char *word, Py_ssize_t len)
{
    if (i + len > n)
        return 0;
    for (Py_ssize_t k = 0; k < len; k++)
        if (fold(PyUnicode_READ(kind, data, i + k)) != (Py_UCS4)word[k])
            return 0;
    return 1;
}

static const char *const LEVELS[] = {"section", "paragraph", "clause", "item", "title", "chapter", "part"};

/* The end of a candidate at i (the \b before it already holds), or -1. */
static Py_ssize_t
candidate_end(int kind, const void *data, Py_ssize_t n, Py_ssize_t i)
{
    size_t count = sizeof LEVELS / sizeof LEVELS[0];
    Py_ssize_t at = folded_at(kind, data, n, i, "sub", 3) ? i + 3 : -1;
    /* (?:sub)? is greedy: with "sub" first, then without (no level word starts with "sub") */
    for (int pass = 0; pass < 2; pass++) {
        Py_ssize_t j = pass == 0 ? at : i;
        if (j < 0)
            continue;
        for (size_t w = 0; w < count; w++) {
            Py_ssize_t len = (Py_ssize_t)strlen(LEVELS[w]);
            if (folded_at(kind, data, n, j, LEVELS[w], len))
                return j + len;
        }
    }
    if (folded_at(kind, data, n, i, "division", 8))
        return i + 8;
    return -1;
}

static int
append(PyObject *list, Py_ssize_t i)
{
    PyObject *v = PyLong_FromSsize_t(i);
    if (v == NULL)
        return -1;
    int r = PyList_Append(list, v);
    Py_DECREF(v);
    return r;
}

static PyObject *
ref_starts(PyObject *self, PyObject *arg)
{
    if (!PyUnicode_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "ref_starts() takes a str");
        return NULL;
    }
    if (PyUnicode_READY(arg) < 0)
        return NULL;
    int kind = PyUnicode_KIND(arg);
    const void *data = PyUnicode_DATA(arg);
    Py_ssize_t n = PyUnicode_GET_LENGTH(arg);
    PyObject *out = PyList_New(0);
    if (out == NULL)
        return NULL;
    Py_ssize_t i = 0;
    while (i < n) {
        Py_UCS4 f = fold(PyUnicode_READ(kind, data, i));
        if ((f == 's' || f == 'p' || f == 'c' || f == 'i' || f == 't' || f == 'd')
                && (i == 0 || !is_word(PyUnicode_READ(kind, data, i - 1)))) {
            Py_ssize_t e = candidate_end(kind, data, n, i);
            if (e > 0) {
                if (append(out, i) < 0) {
                    Py_DECREF(out);
                    return NULL;
                }
                i = e;
                continue;
            }
        }
        i++;
    }
    return out;
}

/* Whether the ASCII word stands at text[i:], case as written. */
static int
exact_at(int kind, const void *data, Py_ssize_t n, Py_ssize_t i, const char *word, Py_ssize_t len)
{
    if (i + len > n)
        return 0;
    for (Py_ssize_t k = 0; k < len; k++)
        if (PyUnicode_READ(kind, data, i + k) != (Py_UCS4)word[k])
            return 0;
    return 1;
}

static PyObject *
this_starts(PyObject *self, PyObject *arg)
{
    if (!PyUnicode_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "this_starts() takes a str");
        return NULL;
    }
    if (PyUnicode_READY(arg) < 0)
        return NULL;
    int kind = PyUnicode_KIND(arg);
    const void *data = PyUnicode_DATA(arg);
    Py_ssize_t n = PyUnicode_GET_LENGTH(arg);
    PyObject *out = PyList_New(0);
    if (out == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i + 4 <= n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c != 'T' && c != 't' && c != 'S' && c != 's')
            continue;
        if (i > 0 && is_word(PyUnicode_READ(kind, data, i - 1)))
            continue;
        int hit = (c == 'T' || c == 't') ? exact_at(kind, data, n, i + 1, "his", 3) : exact_at(kind, data, n, i + 1, "uch", 3);
        if (hit && append(out, i) < 0) {
            Py_DECREF(out);
            return NULL;
        }
    }
    return out;
}

static PyMethodDef methods[] = {
    {"ref_starts", ref_starts, METH_O, "Where a reference may start: the level-word candidates, in order."},
    {"this_starts", this_starts, METH_O, "Where 'this' or 'such' starts a word, in order."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_speedups", NULL, -1, methods};

PyMODINIT_FUNC
PyInit__speedups(void)
{
    return PyModule_Create(&module);
}
