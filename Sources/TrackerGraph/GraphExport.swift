/// A node as exported, with the attributes Gephi colours and sizes by.
public struct ExportNode: Sendable {
    public var id: String
    public var label: String
    public var community: Int
    public var degree: Int
    public var verdict: String?
    public var score: Int?
    public var lang: String?
    public var location: String?

    public init(id: String, label: String, community: Int, degree: Int, verdict: String? = nil, score: Int? = nil,
                lang: String? = nil, location: String? = nil) {
        self.id = id
        self.label = label
        self.community = community
        self.degree = degree
        self.verdict = verdict
        self.score = score
        self.lang = lang
        self.location = location
    }
}

/// Writes a follow graph as GEXF 1.3 or GraphML, streamed through `write`, for Gephi and other tools.
/// Edges are directed (`source` follows `target`) and refer to nodes by index.
public enum GraphExport {
    static let attributes: [(name: String, type: String)] = [
        ("community", "integer"), ("degree", "integer"), ("verdict", "string"), ("score", "integer"), ("lang", "string"), ("location", "string"),
    ]

    static func values(_ node: ExportNode) -> [String?] {
        [String(node.community), String(node.degree), node.verdict, node.score.map(String.init), node.lang, node.location]
    }

    public static func gexf(nodes: [ExportNode], edges: [(Int, Int)], description: String, write: (String) -> Void) {
        write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <gexf xmlns="http://gexf.net/1.3" version="1.3">
              <meta><creator>tracker</creator><description>\(escape(description))</description></meta>
              <graph defaultedgetype="directed" mode="static">
                <attributes class="node">

            """)
        for (index, attribute) in attributes.enumerated() {
            write("      <attribute id=\"\(index)\" title=\"\(attribute.name)\" type=\"\(attribute.type)\"/>\n")
        }
        write("    </attributes>\n    <nodes>\n")
        for (index, node) in nodes.enumerated() {
            write("      <node id=\"\(index)\" label=\"\(escape(node.label))\"><attvalues>")
            for (slot, value) in values(node).enumerated() {
                if let value { write("<attvalue for=\"\(slot)\" value=\"\(escape(value))\"/>") }
            }
            write("</attvalues></node>\n")
        }
        write("    </nodes>\n    <edges>\n")
        for (index, edge) in edges.enumerated() {
            write("      <edge id=\"\(index)\" source=\"\(edge.0)\" target=\"\(edge.1)\"/>\n")
        }
        write("    </edges>\n  </graph>\n</gexf>\n")
    }

    public static func graphml(nodes: [ExportNode], edges: [(Int, Int)], description: String, write: (String) -> Void) {
        write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
              <desc>\(escape(description))</desc>
              <key id="label" for="node" attr.name="label" attr.type="string"/>

            """)
        for attribute in attributes {
            let type = attribute.type == "integer" ? "int" : "string"
            write("  <key id=\"\(attribute.name)\" for=\"node\" attr.name=\"\(attribute.name)\" attr.type=\"\(type)\"/>\n")
        }
        write("  <graph id=\"G\" edgedefault=\"directed\">\n")
        for (index, node) in nodes.enumerated() {
            write("    <node id=\"n\(index)\"><data key=\"label\">\(escape(node.label))</data>")
            for (attribute, value) in zip(attributes, values(node)) {
                if let value { write("<data key=\"\(attribute.name)\">\(escape(value))</data>") }
            }
            write("</node>\n")
        }
        for edge in edges { write("    <edge source=\"n\(edge.0)\" target=\"n\(edge.1)\"/>\n") }
        write("  </graph>\n</graphml>\n")
    }

    /// Text safe in XML content and attributes; characters XML 1.0 forbids are dropped.
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
