import Testing
@testable import TrackerStore

@Suite struct GraphWriterTests {
    @Test func endpointsMatchRosterAccountsByIdOrHandle() throws {
        let db = try makeDatabase()
        try db.write { db in
            try db.execute("INSERT INTO page (platform, handle, created_at) VALUES ('twitter', 'acme', 0)")
            let run = try db.beginIngestRun(source: "test", format: "csv")
            let roster = try RosterWriter(database: db, pageID: 1, relation: .followers, takenAt: 100, runID: run)
            var fields = [SQLValue](repeating: .null, count: RosterWriter.profileColumns.count)
            fields[0] = .text("Ada")
            _ = try roster.add(platform: "twitter", key: "42", fields: fields)
            try roster.finish()
            let graph = try GraphWriter(database: db, pageID: 1, platform: "twitter", takenAt: 200, runID: run)
            #expect(try graph.add(source: "@ada", target: "acme") == .added)     // by handle; the page becomes an account
            #expect(try graph.add(source: "42", target: "@Acme") == .repeated)   // by id, and the same page by handle
            #expect(try graph.add(source: "7", target: "42") == .added)          // an unknown id: a new account
            try graph.finish()
        }
        #expect(try db.rows("SELECT key FROM account ORDER BY id") == [[.text("42")], [.text("@acme")], [.text("7")]])
        #expect(try db.rows("SELECT source, target, source_handle FROM graph_edges ORDER BY 1") == [
            [.text("42"), .text("@acme"), .text("Ada")], [.text("7"), .text("42"), .null],
        ])
        #expect(try db.graph(pageID: 1)?.edges == 2)
        #expect(try db.graph(pageID: 1, at: 150) == nil)
    }

    @Test func keysOfNewAccounts() {
        #expect(GraphWriter.key(for: "2244994945") == "2244994945")
        #expect(GraphWriter.key(for: "@Ada") == "@ada")
        #expect(GraphWriter.key(for: "Ada") == "@ada")
        #expect(GraphWriter.key(for: "@123") == "@123")
    }
}
