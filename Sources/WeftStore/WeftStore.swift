/// WeftStore keeps a space on disk: the journals (the truth, one append-only
/// JSON Lines file per person and device), the SQLite index (a cache rebuilt from
/// the journals at will) and each person's private state.
///
/// It is the only module that touches files or SQLite. It imports WeftCore and
/// GRDB; it never imports the terminal modules.
public enum StoreModule {}
