import ArgumentParser
import TrackerDetect

extension DetectionSettings: ExpressibleByArgument {
    public init?(argument: String) { self.init(name: argument) }
}

extension Severity: ExpressibleByArgument {}

extension AnomalyKind: ExpressibleByArgument {
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}
