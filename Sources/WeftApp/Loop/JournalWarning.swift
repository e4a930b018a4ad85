import WeftStore

/// The warning the UI shows on start when the index had to leave something out:
/// forged lines, journals owned by the wrong user, unreadable lines.
enum JournalWarning {
    static func text(_ store: Store) -> String? {
        guard let problems = try? store.index.problems(), !problems.isEmpty else { return nil }
        let rejected = problems.filter { $0.reason.contains("rejected") }.count
        let what = rejected > 0 ? "\(rejected) forged or untrusted journal entr\(rejected == 1 ? "y" : "ies") ignored"
                                : "\(problems.count) unusable journal line\(problems.count == 1 ? "" : "s") skipped"
        return what + ": run 'weft doctor'"
    }
}
