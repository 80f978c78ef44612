/// What a platform shows of one follower's account. Fields the source does not give are nil,
/// and rules that need them abstain.
public struct Profile: Sendable, Equatable {
    public var id: String
    public var handle: String?
    public var name: String?
    public var description: String?
    public var location: String?
    public var url: String?
    public var lang: String?
    /// Unix seconds.
    public var createdAt: Int64?
    public var posts: Int?
    public var followers: Int?
    public var following: Int?
    public var listed: Int?
    public var favourites: Int?
    /// Unix seconds of the latest post.
    public var lastPostAt: Int64?
    /// True when the account shows the platform's default picture (no picture of its own).
    public var defaultImage: Bool?
    public var verified: Bool?
    public var protected: Bool?

    public init(id: String) { self.id = id }
}
