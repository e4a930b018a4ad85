import WeftCore
import WeftStore

/// Effects of creating boards and managing their members and visibility:
/// each goes through the same `Store` function as the CLI, which checks who
/// may do it (`SpaceAccess.mayManage`) and, on a shared space, sets the ACL.
extension EffectRunner {
    func boardAnswer(_ effect: Effect) throws(StoreError) -> Action? {
        switch effect {
        case .createBoard(let slug, let title, let purpose, let visibility, let members):
            do {
                try store.createBoard(slug, title: title, purpose: purpose, visibility: visibility, members: members)
            } catch {
                return .writeFailed("Not created: \(error.description)")
            }
            let count = try store.index.access().boards[slug]?.members.count ?? 1
            return .boardCreated(slug, visibility: visibility, members: count)
        case .loadBoardAccess(let slug):
            return .boardAccessLoaded(try boardAccess(slug))
        case .perform(.boardMembers(let slug, let add, let remove)):
            try store.changeMembers(slug, add: add, remove: remove)
            let names = (add + remove).map(\.rawValue).joined(separator: ", ")
            return .changed(add.isEmpty ? "Removed \(names) from #\(slug)" : "Added \(names) to #\(slug)")
        case .perform(.boardVisibility(let slug, let visibility)):
            try store.changeVisibility(slug, to: visibility)
            return .changed("#\(slug) is now \(visibility.rawValue)")
        default:
            return nil
        }
    }

    private func boardAccess(_ slug: BoardSlug) throws(StoreError) -> BoardAccessView {
        let access = try store.index.access()
        guard let board = try store.index.board(slug) else { throw .unknownBoard(slug.rawValue) }
        let entry = access.boards[slug]
        let creator = entry?.creator ?? board.createdBy
        let members = (entry?.members ?? [creator]).sorted().map {
            BoardAccessView.Row(handle: $0, role: access.role(of: $0), isCreator: $0 == creator)
        }
        return BoardAccessView(slug: slug, visibility: entry?.visibility ?? board.visibility, creator: creator, members: members,
                               mayManage: access.mayManage(slug, who: store.me))
    }
}
