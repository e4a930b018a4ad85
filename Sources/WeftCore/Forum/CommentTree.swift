/// Orders comments as a threaded tree: each comment followed by its replies
/// (oldest first), depth-first. A reply whose parent is unknown is shown at the top level.
public enum CommentTree {
    public struct Entry: Hashable, Sendable {
        /// Index into the input array.
        public var index: Int
        public var depth: Int
    }

    /// `ids` and `parents` describe comments in creation order.
    public static func order<ID: Hashable>(ids: [ID], parents: [ID?]) -> [Entry] {
        let known = Set(ids)
        var children: [ID: [Int]] = [:]
        var roots: [Int] = []
        for (i, parent) in parents.enumerated() {
            if let p = parent, known.contains(p), p != ids[i] {
                children[p, default: []].append(i)
            } else {
                roots.append(i)
            }
        }
        var out: [Entry] = []
        out.reserveCapacity(ids.count)
        var visited = Set<Int>()
        func walk(from starts: [Int]) {
            var stack: [(Int, Int)] = starts.reversed().map { ($0, 0) }
            while let (i, depth) = stack.popLast() {
                guard visited.insert(i).inserted else { continue }
                out.append(Entry(index: i, depth: depth))
                for c in (children[ids[i]] ?? []).reversed() { stack.append((c, depth + 1)) }
            }
        }
        walk(from: roots)
        // Comments caught in a reply cycle (only forged data can make one) still show.
        for i in ids.indices where !visited.contains(i) { walk(from: [i]) }
        return out
    }
}
