import Testing
@testable import TrackerIngest

@Suite struct EdgeReaderTests {
    func edges(_ text: String, format: ProfileFormat, skipInvalid: Bool = false) throws -> ([String], [RejectedRow]) {
        var options = ReadOptions(now: testNow)
        options.skipInvalid = skipInvalid
        var found: [String] = [], rejected: [RejectedRow] = []
        let source = try ByteSource(path: try temporaryFile(text, name: "edges.\(format.rawValue)"))
        try EdgeReader(source: source, format: format, options: options).read { item in
            switch item {
            case .edge(let a, let b, _, _): found.append("\(a)>\(b)")
            case .rejected(let row): rejected.append(row)
            case .header: break
            }
        }
        return (found, rejected)
    }

    @Test func readsCSVAndNDJSONWithTheirColumnNames() throws {
        #expect(try edges("source,target\n1,@ada\n", format: .csv).0 == ["1>@ada"])
        #expect(try edges("weight,follower,followed\n3,a,b\n", format: .csv).0 == ["a>b"])
        #expect(try edges("from\tto\nx\ty\n", format: .tsv).0 == ["x>y"])
        #expect(try edges(#"{"source": 12, "target": "bob"}"# + "\n", format: .ndjson).0 == ["12>bob"])
    }

    @Test func badEdgesNameTheLine() throws {
        do {
            _ = try edges("source,target\na,b\nc,\n", format: .csv)
            Issue.record("accepted an empty target")
        } catch let error as IngestError {
            #expect(error.line == 3 && error.column == "target")
        }
        #expect(throws: IngestError.self) { try edges("a,b\n1,2\n", format: .csv) }
        let (kept, rejected) = try edges("source,target\na,b\nc,c\nd\n", format: .csv, skipInvalid: true)
        #expect(kept == ["a>b"])
        #expect(rejected.map(\.error.line) == [3, 4])
        #expect(rejected[0].error.message == "follows itself")
    }
}
