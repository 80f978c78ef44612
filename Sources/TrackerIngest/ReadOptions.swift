/// How readers interpret and check their input.
public struct ReadOptions: Sendable {
    /// The platform of rows that have no `platform` column or field.
    public var platform: String?
    /// The observation time of API payloads, which carry none (default: now).
    public var observedAt: Int64?
    /// The present, Unix seconds: times later than now + 1 day are rejected.
    public var now: Int64
    /// Leave out bad rows (reported as `RejectedRow`s) instead of failing.
    public var skipInvalid = false
    /// Keep each row's original text, for writing rejects.
    public var keepRaw = false
    /// Rows per batch handed out.
    public var batchSize = 4096

    public init(platform: String? = nil, observedAt: Int64? = nil, now: Int64) {
        self.platform = platform
        self.observedAt = observedAt
        self.now = now
    }

    /// The latest acceptable observation time.
    public var latestAcceptable: Int64 { now + 86_400 }
}

/// Reads observations from one input and hands them out in batches.
public protocol ObservationReader {
    func read(_ emit: (ObservationBatch) throws -> Void) throws
}
