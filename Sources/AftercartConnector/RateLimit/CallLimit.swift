import Foundation

/// A usage header of the form `used/limit`, such as
/// `X-Shopify-Shop-Api-Call-Limit: 32/40`.
public struct CallLimit: Sendable, Hashable {
    /// Requests in the bucket now.
    public var used: Int
    /// The bucket's size.
    public var limit: Int

    public init(used: Int, limit: Int) {
        self.used = used
        self.limit = limit
    }

    /// Requests left before the store starts refusing.
    public var remaining: Int { max(limit - used, 0) }

    /// Parses `"32/40"`; `nil` for anything else.
    public init?(header: String?) {
        guard let header else { return nil }
        let parts = header.split(separator: "/")
        guard parts.count == 2,
            let used = Int(parts[0].trimmingCharacters(in: .whitespaces)),
            let limit = Int(parts[1].trimmingCharacters(in: .whitespaces)),
            limit > 0, used >= 0
        else { return nil }
        self.init(used: used, limit: limit)
    }
}
