#ifndef WEFT_CSQLITETUNING_H
#define WEFT_CSQLITETUNING_H

/// Turns off SQLite's memory statistics for this process. With them on, every
/// allocation SQLite makes takes one global mutex, so two connections working
/// on two threads (the index and its full-text file during a build) wait on
/// each other. `sqlite3_config` is variadic, which Swift cannot call, hence C.
/// Must run before SQLite is initialised (before any database is opened);
/// later it does nothing. Returns SQLite's result code.
int weft_sqlite_disable_memstatus(void);

/// Makes every connection opened from now on use a faster tokenizer in place
/// of FTS5's "unicode61", one that gives exactly the same tokens (see
/// unicode61.c). Returns SQLite's result code.
int weft_sqlite_register_unicode61_everywhere(void);

typedef struct sqlite3 sqlite3;
/// The same for one connection (what each new connection runs); tests use it
/// to compare the two tokenizers. Returns SQLite's result code.
int weft_register_unicode61(sqlite3 *db);

/// For tests: tokenizes `text` with the replacement and with the original
/// unicode61 (both made with `args`) on a connection where the replacement is
/// registered. Returns 0 when tokens, offsets and result codes all agree, 1
/// when they differ, and a negative number when the replacement is missing.
int weft_unicode61_compare(sqlite3 *db, const char **args, int nArgs, const char *text, int n);

#endif
