/// What went wrong in the store, said so a person knows what to do next.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    case noSpace(String)
    case notASpace(String)
    case spaceExists(String)
    case badManifest(String, String)
    case newerSpaceFormat(Int)
    case notWritable(String)
    case io(String, String)
    case unknownBoard(String)
    case boardExists(String)
    case unknownID(String)
    case ambiguousID(String, [String])
    case idTooShort(String)
    case wrongKind(String, expected: String)
    case notAuthor(String)
    case symlink(String)
    case index(String)
    case config(String)

    public var description: String {
        switch self {
        case .noSpace(let p):
            return "no space at \(p): create one with 'weft init \(p)' or pick another with --space"
        case .notASpace(let p):
            return "\(p) is not a Weft space (no weft.json): use 'weft init' to create one, or check --space / WEFT_SPACE"
        case .spaceExists(let p):
            return "a space already exists at \(p): nothing was changed"
        case .badManifest(let p, let why):
            return "cannot read \(p): \(why); restore it from a backup or from git"
        case .newerSpaceFormat(let v):
            return "this space uses format \(v), written by a newer weft: upgrade weft to open it"
        case .notWritable(let p):
            return "cannot write to \(p): check its permissions (you need write access to the space)"
        case .io(let p, let why):
            return "\(p): \(why)"
        case .unknownBoard(let s):
            return "no such board '\(s)': see 'weft board list'"
        case .boardExists(let s):
            return "a board named '\(s)' already exists: choose another slug"
        case .unknownID(let s):
            return "no post, status or follow-up has an id starting with '\(s)': check the id (see 'weft thread list')"
        case .ambiguousID(let s, let candidates):
            return "the id prefix '\(s)' is ambiguous (\(candidates.prefix(4).joined(separator: ", "))\(candidates.count > 4 ? ", …" : "")): type more characters"
        case .idTooShort(let s):
            return "the id '\(s)' is too short: give at least 4 characters"
        case .wrongKind(let s, let expected):
            return "'\(s)' is not a \(expected): give the id of a \(expected)"
        case .notAuthor(let s):
            return "you can only change your own posts; \(s) was written by someone else"
        case .symlink(let p):
            return "refusing to follow the symbolic link at \(p): the space may have been tampered with (run 'weft doctor')"
        case .index(let why):
            return "index error: \(why); try 'weft index rebuild'"
        case .config(let why):
            return why
        }
    }
}
