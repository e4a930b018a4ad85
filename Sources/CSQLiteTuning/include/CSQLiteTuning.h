#ifndef WEFT_CSQLITETUNING_H
#define WEFT_CSQLITETUNING_H

/// Turns off SQLite's memory statistics for this process. With them on, every
/// allocation SQLite makes takes one global mutex, so two connections working
/// on two threads (the index and its full-text file during a build) wait on
/// each other. `sqlite3_config` is variadic, which Swift cannot call, hence C.
/// Must run before SQLite is initialised (before any database is opened);
/// later it does nothing. Returns SQLite's result code.
int weft_sqlite_disable_memstatus(void);

#endif
