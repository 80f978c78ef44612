/// A table of snapshots that are complete lists (a roster, a follow graph): recording one at a time
/// already stored replaces its items.
struct ListSnapshot {
    /// The snapshot table, its items' table, the items' column naming the snapshot, and the snapshot's size column.
    let table: String, items: String, owner: String, size: String

    static let roster = ListSnapshot(table: "roster", items: "roster_member", owner: "roster_id", size: "members")
    static let graph = ListSnapshot(table: "graph", items: "graph_edge", owner: "graph_id", size: "edges")
}

extension Database {
    /// The snapshot of `kind` whose `key` columns hold these values: the stored one, emptied of its items and
    /// claimed by `runID` (`replaced`), or a new one of size 0.
    func startListSnapshot(_ kind: ListSnapshot, key: [(column: String, value: SQLValue)], runID: Int64) throws -> (id: Int64, replaced: Bool) {
        let existing = try cachedStatement(
            "SELECT id FROM \(kind.table) WHERE " + key.map { "\($0.column) = ?" }.joined(separator: " AND "))
        for (offset, part) in key.enumerated() { existing.bind(part.value, at: Int32(offset + 1)) }
        if try existing.step() {
            let id = existing.int64(at: 0)
            let clear = try cachedStatement("DELETE FROM \(kind.items) WHERE \(kind.owner) = ?")
            clear.bind(id, at: 1)
            try clear.run()
            let claim = try cachedStatement("UPDATE \(kind.table) SET run_id = ? WHERE id = ?")
            claim.bind(runID, at: 1)
            claim.bind(id, at: 2)
            try claim.run()
            return (id, true)
        }
        let columns = key.map(\.column) + [kind.size, "run_id"]
        let insert = try cachedStatement("INSERT INTO \(kind.table) (\(columns.joined(separator: ", "))) VALUES ("
            + columns.map { _ in "?" }.joined(separator: ", ") + ")")
        for (offset, part) in key.enumerated() { insert.bind(part.value, at: Int32(offset + 1)) }
        insert.bind(0, at: Int32(key.count + 1))
        insert.bind(runID, at: Int32(key.count + 2))
        try insert.run()
        return (lastInsertRowID, false)
    }

    /// Records the snapshot's size once its items are written.
    func finishListSnapshot(_ kind: ListSnapshot, id: Int64, size: Int) throws {
        let update = try cachedStatement("UPDATE \(kind.table) SET \(kind.size) = ? WHERE id = ?")
        update.bind(size, at: 1)
        update.bind(id, at: 2)
        try update.run()
    }
}
