/// One record a store sent that its adapter could not map (a line item
/// with `"quantity": "two"`): cut out of its page so the rest of the page
/// is stored and the walk moves on, then recorded as a reject with the
/// page and read again on later runs.
public struct RejectedRecord: Sendable, Hashable {
    /// The most of a record's JSON a reject keeps: enough to see what is
    /// wrong, bounded so one huge record cannot bloat the database.
    public static let rawLimit = 4_096

    /// The record's id on the platform.
    public var id: String
    /// What is wrong, naming the field: `line_items[0].quantity: "two" is not a number`.
    public var reason: String
    /// The record as the store sent it, secrets redacted, cut at ``rawLimit`` bytes.
    public var rawJSON: String

    public init(id: String, reason: String, rawJSON: String) {
        self.id = id
        self.reason = reason
        self.rawJSON = rawJSON
    }
}
