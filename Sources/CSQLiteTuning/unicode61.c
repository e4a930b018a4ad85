/*
 * A faster stand-in for FTS5's "unicode61" tokenizer that gives exactly the
 * same tokens, offsets and errors.
 *
 * unicode61 classifies and folds every character outside ASCII with two
 * binary searches over SQLite's Unicode tables: about 400 instructions a
 * character, a sixth of a full-text build for text with accents or CJK. This
 * tokenizer learns each character's class and fold from unicode61 itself, the
 * first time it meets the character, by tokenizing it alone and after a token
 * character ("probing"), and remembers the answer in a small hash table. The
 * loop that splits text is unicode61's own (fts5_tokenize.c), with table
 * lookups where unicode61 calls its Unicode functions.
 *
 * It replaces "unicode61" on each connection (registered under that name, as
 * FTS5 lets a newer tokenizer of the same name win), so tables keep declaring
 * `tokenize='unicode61 ...'` and the files stay readable by any SQLite. A
 * tokenizer made with `tokenchars` or `separators` arguments, or whose ASCII
 * range does not probe as expected, hands all its work to the original. (A
 * character that probes in a way this loop could not reproduce fails the
 * call with SQLITE_ERROR rather than give other tokens; tests try every
 * character of the Basic Multilingual Plane.)
 */
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "CSQLiteTuning.h"

/* From fts5_tokenize.c: how unicode61 reads and writes characters. */
static const unsigned char utf8Trans1[] = {
    0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f,
    0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f,
    0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f,
    0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x00, 0x01, 0x02, 0x03, 0x00, 0x01, 0x00, 0x00,
};

#define READ_UTF8(zIn, zTerm, c)                                  \
    c = *(zIn++);                                                 \
    if (c >= 0xc0) {                                              \
        c = utf8Trans1[c - 0xc0];                                 \
        while (zIn < zTerm && (*zIn & 0xc0) == 0x80) {            \
            c = (c << 6) + (0x3f & *(zIn++));                     \
        }                                                         \
        if (c < 0x80 || (c & 0xFFFFF800) == 0xD800 ||             \
            (c & 0xFFFFFFFE) == 0xFFFE) { c = 0xFFFD; }           \
    }

/* Writes c as unicode61 does; returns the number of bytes (1-4). */
static int writeUtf8(unsigned char *z, uint32_t c) {
    if (c < 0x80) { z[0] = (unsigned char)(c & 0xFF); return 1; }
    if (c < 0x800) {
        z[0] = 0xC0 + (unsigned char)((c >> 6) & 0x1F);
        z[1] = 0x80 + (unsigned char)(c & 0x3F);
        return 2;
    }
    if (c < 0x10000) {
        z[0] = 0xE0 + (unsigned char)((c >> 12) & 0x0F);
        z[1] = 0x80 + (unsigned char)((c >> 6) & 0x3F);
        z[2] = 0x80 + (unsigned char)(c & 0x3F);
        return 3;
    }
    z[0] = 0xF0 + (unsigned char)((c >> 18) & 0x07);
    z[1] = 0x80 + (unsigned char)((c >> 12) & 0x3F);
    z[2] = 0x80 + (unsigned char)((c >> 6) & 0x3F);
    z[3] = 0x80 + (unsigned char)(c & 0x3F);
    return 4;
}

/* A character's class: a separator, a token character only after another
 * (a diacritic), or a token character anywhere (a letter, digit, ...). */
enum { SEPARATOR = 0, INSIDE = 1, ANYWHERE = 2 };

/* How many characters a tokenizer remembers at most (its table then has 2^17 slots). */
#define MAX_KNOWN 65536

typedef struct {
    uint32_t code;         /* 0: an empty slot (no non-ASCII character reads as 0) */
    unsigned char kind;    /* SEPARATOR, INSIDE or ANYWHERE */
    unsigned char nFold;   /* bytes of fold (0: the character is dropped) */
    unsigned char fold[4]; /* what unicode61 writes for it */
} Known;

/* The original unicode61, found on the connection before this one replaced it. */
typedef struct {
    fts5_tokenizer methods;
    void *context;
} Original;

typedef struct {
    const Original *original;
    Fts5Tokenizer *inner;      /* an original unicode61 made with the same arguments */
    int fast;                  /* 0: every call goes to `inner` */
    unsigned char ascii[256];  /* see tokenize() */
    unsigned char tokenChar;   /* an ASCII token character, for probes */
    Known *known;              /* open addressing, a power of two in size */
    uint32_t nKnown, mask, shift;
    Known unremembered;        /* the last character learnt once the table is full */
    unsigned char *buf;        /* the token being folded */
    int nBuf;
} Tokenizer;

/* What a probe saw: the number of tokens and the first one. */
typedef struct {
    int count;
    int n, start, end;
    unsigned char text[16];
} Probe;

static int probeToken(void *ctx, int flags, const char *token, int n, int start, int end) {
    (void)flags;
    Probe *p = ctx;
    if (p->count++ == 0) {
        p->n = n;
        p->start = start;
        p->end = end;
        if (n > 0 && n <= (int)sizeof p->text) memcpy(p->text, token, (size_t)n);
    }
    return SQLITE_OK;
}

static int probe(Tokenizer *t, const unsigned char *text, int n, Probe *out) {
    memset(out, 0, sizeof *out);
    return t->original->methods.xTokenize(t->inner, out, FTS5_TOKENIZE_DOCUMENT, (const char *)text, n, probeToken);
}

/* Learns how unicode61 treats character c (>= 0x80, as READ_UTF8 gave it). */
static int learn(Tokenizer *t, uint32_t c, Known *k) {
    unsigned char text[8];
    Probe alone, after;
    int rc;
    k->code = c;
    /* Past U+10FFFF unicode61 gives every character U+100000's category and
     * folds it to itself; it cannot be written to probe with. */
    uint32_t stand = c > 0x10FFFF ? 0x100000 : c;
    int n = writeUtf8(text + 1, stand);
    if ((rc = probe(t, text + 1, n, &alone)) != SQLITE_OK) return rc;
    text[0] = t->tokenChar;
    if ((rc = probe(t, text, n + 1, &after)) != SQLITE_OK) return rc;
    if (after.count == 1 && after.start == 0 && after.end == n + 1 && after.n >= 1 && after.n <= 5) {
        k->kind = alone.count == 1 ? ANYWHERE : INSIDE;
        k->nFold = (unsigned char)(after.n - 1);
        memcpy(k->fold, after.text + 1, k->nFold);
    } else if (after.count >= 1 && after.end == 1 && alone.count == 0) {
        k->kind = SEPARATOR;
        k->nFold = 0;
    } else {
        return SQLITE_ERROR; /* never seen: an error rather than tokens that could differ */
    }
    if (c != stand && k->kind != SEPARATOR) {
        k->nFold = (unsigned char)writeUtf8(k->fold, c);
    }
    return SQLITE_OK;
}

/* Fibonacci hashing: the top bits of the product pick the slot. */
static uint32_t slotOf(const Tokenizer *t, uint32_t c) { return (c * 2654435761u) >> t->shift; }

static int grow(Tokenizer *t) {
    uint32_t size = t->known ? (t->mask + 1) * 2 : 256;
    Known *table = calloc(size, sizeof(Known));
    if (!table) return SQLITE_NOMEM;
    Known *old = t->known;
    uint32_t oldSize = old ? t->mask + 1 : 0;
    t->known = table;
    t->mask = size - 1;
    t->shift = 32 - (uint32_t)__builtin_ctz(size);
    for (uint32_t i = 0; i < oldSize; i++) {
        if (!old[i].code) continue;
        uint32_t s = slotOf(t, old[i].code);
        while (table[s].code) s = (s + 1) & t->mask;
        table[s] = old[i];
    }
    free(old);
    return SQLITE_OK;
}

/* Learns c and adds it to the table (the first time a character is met). */
static __attribute__((noinline)) const Known *add(Tokenizer *t, uint32_t c, int *rc) {
    Known k;
    if ((*rc = learn(t, c, &k)) != SQLITE_OK) return NULL;
    if (t->nKnown >= MAX_KNOWN) {
        /* Text with this many different characters is learnt again each time
         * rather than remembered: the table stays under 2 MB. */
        t->unremembered = k;
        return &t->unremembered;
    }
    if ((t->nKnown + 1) * 2 > t->mask + 1 && (*rc = grow(t)) != SQLITE_OK) return NULL;
    uint32_t s = slotOf(t, c);
    while (t->known[s].code) s = (s + 1) & t->mask;
    t->known[s] = k;
    t->nKnown++;
    return &t->known[s];
}

/* The entry for c, learnt now if new; NULL on failure (*rc says why). */
static inline const Known *lookup(Tokenizer *t, uint32_t c, int *rc) {
    uint32_t s = slotOf(t, c);
    while (t->known[s].code) {
        if (t->known[s].code == c) return &t->known[s];
        s = (s + 1) & t->mask;
    }
    return add(t, c, rc);
}

static void destroy(Fts5Tokenizer *tok) {
    Tokenizer *t = (Tokenizer *)tok;
    if (!t) return;
    if (t->inner) t->original->methods.xDelete(t->inner);
    free(t->known);
    sqlite3_free(t->buf);
    sqlite3_free(t);
}

/* Learns the ASCII range; false if unicode61 does something this loop does not. */
static int learnAscii(Tokenizer *t) {
    memset(t->ascii + 128, 0x80, 128);
    for (int b = 0; b < 128; b++) {
        unsigned char text = (unsigned char)b;
        Probe p;
        if (probe(t, &text, 1, &p) != SQLITE_OK) return 0;
        t->ascii[b] = 0;
        if (p.count == 0) continue;
        /* A token character must fold to another ASCII one, never to 0. */
        if (p.count != 1 || p.n != 1 || p.start != 0 || p.end != 1 || p.text[0] == 0 || p.text[0] >= 0x80) return 0;
        t->ascii[b] = p.text[0];
        if (!t->tokenChar) t->tokenChar = (unsigned char)b;
    }
    return t->tokenChar != 0;
}

static int create(void *context, const char **args, int nArgs, Fts5Tokenizer **out) {
    const Original *original = context;
    Tokenizer *t = sqlite3_malloc(sizeof(Tokenizer));
    *out = NULL;
    if (!t) return SQLITE_NOMEM;
    memset(t, 0, sizeof *t);
    t->original = original;
    int rc = original->methods.xCreate(original->context, args, nArgs, &t->inner);
    if (rc != SQLITE_OK) {
        t->inner = NULL;
        destroy((Fts5Tokenizer *)t);
        return rc;
    }
    /* Characters made token characters or separators by name can lie past
     * U+10FFFF, where this one guesses from U+100000: leave those to unicode61. */
    t->fast = 1;
    for (int i = 0; i + 1 < nArgs; i += 2) {
        if (sqlite3_stricmp(args[i], "tokenchars") == 0 || sqlite3_stricmp(args[i], "separators") == 0) t->fast = 0;
    }
    t->nBuf = 64;
    t->buf = sqlite3_malloc(t->nBuf);
    if (!t->buf || grow(t) != SQLITE_OK) {
        destroy((Fts5Tokenizer *)t);
        return SQLITE_NOMEM;
    }
    if (t->fast && !learnAscii(t)) t->fast = 0;
    *out = (Fts5Tokenizer *)t;
    return SQLITE_OK;
}

typedef int (*TokenCallback)(void *, int, const char *, int, int, int);

/* Makes room for at least `need` more bytes after `*out` in the token buffer. */
static int reserve(Tokenizer *t, unsigned char **out, int need) {
    int used = (int)(*out - t->buf);
    if (used + need <= t->nBuf) return SQLITE_OK;
    int size = t->nBuf;
    while (used + need > size) size *= 2;
    unsigned char *bigger = sqlite3_realloc64(t->buf, (sqlite3_uint64)size);
    if (!bigger) return SQLITE_NOMEM;
    t->buf = bigger;
    t->nBuf = size;
    *out = bigger + used;
    return SQLITE_OK;
}

/* unicode61's loop (fts5UnicodeTokenize), a run of ASCII token characters at a time. */
static int tokenize(Fts5Tokenizer *tok, void *ctx, int flags, const char *text, int nText, TokenCallback xToken) {
    Tokenizer *t = (Tokenizer *)tok;
    if (!t->fast) return t->original->methods.xTokenize(t->inner, ctx, flags, text, nText, xToken);
    const unsigned char *start = (const unsigned char *)text;
    const unsigned char *z = start, *zTerm = start + nText;
    /* Per byte: an ASCII token character's fold (1-0x7f), 0 for an ASCII
     * separator, 0x80 for any byte of a longer character. */
    const unsigned char *ascii = t->ascii;
    int rc = SQLITE_OK;
    while (rc == SQLITE_OK) {
        unsigned char *out = t->buf;
        const unsigned char *last; /* just past the token's last character */
        const Known *k;
        uint32_t c;
        int is;
        /* Skip separators. A token that starts with a longer character has it
         * read and looked up here once, and folded into the (empty) buffer. */
        for (;;) {
            if (z >= zTerm) goto done;
            unsigned char v = ascii[*z];
            if (v == 0) {
                z++;
            } else if (v < 0x80) {
                is = (int)(z - start);
                break;
            } else {
                const unsigned char *at = z;
                READ_UTF8(z, zTerm, c);
                if (!(k = lookup(t, c, &rc))) goto done;
                if (k->kind == ANYWHERE) {
                    is = (int)(at - start);
                    memcpy(out, k->fold, 4); /* the buffer has at least 64 bytes */
                    out += k->nFold;
                    break;
                }
            }
        }
        last = z;
        /* The token's characters, folded into the buffer. */
        for (;;) {
            const unsigned char *limit = z + (t->nBuf - (out - t->buf));
            if (limit > zTerm) limit = zTerm;
            const unsigned char *run = z;
            while (z < limit) {
                unsigned char v = ascii[*z];
                if ((unsigned char)(v - 1) >= 0x7f) break;
                *out++ = v;
                z++;
            }
            if (z > run) last = z;
            if (z >= zTerm) break;
            if (z == limit) {
                if ((rc = reserve(t, &out, 1)) != SQLITE_OK) goto done;
                continue;
            }
            if (ascii[*z] == 0) break;
            READ_UTF8(z, zTerm, c);
            if (!(k = lookup(t, c, &rc))) goto done;
            if (k->kind == SEPARATOR) break;
            if ((rc = reserve(t, &out, 4)) != SQLITE_OK) goto done;
            memcpy(out, k->fold, 4);
            out += k->nFold;
            last = z;
        }
        rc = xToken(ctx, 0, (const char *)t->buf, (int)(out - t->buf), is, (int)(last - start));
    }
done:
    if (rc == SQLITE_DONE) rc = SQLITE_OK;
    return rc;
}

static const fts5_tokenizer methods = {create, destroy, tokenize};

static fts5_api *fts5Of(sqlite3 *db) {
    fts5_api *api = NULL;
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, NULL) != SQLITE_OK) return NULL;
    sqlite3_bind_pointer(stmt, 1, (void *)&api, "fts5_api_ptr", NULL);
    sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    return api;
}

int weft_register_unicode61(sqlite3 *db) {
    fts5_api *api = fts5Of(db);
    if (!api || api->iVersion < 2) return SQLITE_OK; /* no FTS5: nothing to speed up */
    Original found;
    if (api->xFindTokenizer(api, "unicode61", &found.context, &found.methods) != SQLITE_OK) return SQLITE_OK;
    if (found.methods.xCreate == create) return SQLITE_OK; /* already registered here */
    Original *original = sqlite3_malloc(sizeof(Original));
    if (!original) return SQLITE_NOMEM;
    *original = found;
    return api->xCreateTokenizer(api, "unicode61", original, (fts5_tokenizer *)&methods, sqlite3_free);
}

static int autoEntry(sqlite3 *db, const char **error, const void *routines) {
    (void)error;
    (void)routines;
    weft_register_unicode61(db);
    return SQLITE_OK;
}

int weft_sqlite_register_unicode61_everywhere(void) {
    return sqlite3_auto_extension((void (*)(void))autoEntry);
}

/* For tests: what one tokenizer gives for a text, kept to compare. */
typedef struct {
    unsigned char *bytes; /* each token: flags, start, end (ints), length, bytes */
    size_t n, cap;
} Record;

static int recordToken(void *ctx, int flags, const char *token, int n, int start, int end) {
    Record *r = ctx;
    size_t need = r->n + 4 * sizeof(int) + (size_t)n;
    if (need > r->cap) {
        size_t cap = r->cap ? r->cap : 256;
        while (cap < need) cap *= 2;
        unsigned char *bigger = realloc(r->bytes, cap);
        if (!bigger) return SQLITE_NOMEM;
        r->bytes = bigger;
        r->cap = cap;
    }
    int head[4] = {flags, start, end, n};
    memcpy(r->bytes + r->n, head, sizeof head);
    memcpy(r->bytes + r->n + sizeof head, token, (size_t)n);
    r->n = need;
    return SQLITE_OK;
}

static int run(const fts5_tokenizer *m, void *context, const char **args, int nArgs, const char *text, int n, Record *r) {
    Fts5Tokenizer *tok = NULL;
    int rc = m->xCreate(context, args, nArgs, &tok);
    if (rc != SQLITE_OK) return rc;
    rc = m->xTokenize(tok, r, FTS5_TOKENIZE_DOCUMENT, text, n, recordToken);
    m->xDelete(tok);
    return rc;
}

int weft_unicode61_compare(sqlite3 *db, const char **args, int nArgs, const char *text, int n) {
    fts5_api *api = fts5Of(db);
    if (!api) return -1;
    void *context;
    fts5_tokenizer ours;
    if (api->xFindTokenizer(api, "unicode61", &context, &ours) != SQLITE_OK || ours.xCreate != create) return -2;
    const Original *original = context;
    Record a = {0}, b = {0};
    int rcA = run(&ours, context, args, nArgs, text, n, &a);
    int rcB = run(&original->methods, original->context, args, nArgs, text, n, &b);
    int same = rcA == rcB && a.n == b.n && (a.n == 0 || memcmp(a.bytes, b.bytes, a.n) == 0);
    free(a.bytes);
    free(b.bytes);
    return same ? 0 : 1;
}
