/// A customer's request recorded by Aftercart itself (`aftercart unsubscribe`
/// or `aftercart forget`), kept in the planner's state by lowercased email.
public enum CustomerSuppression: String, Sendable, Hashable, Codable, CaseIterable {
    /// No more marketing; transactional order messages still go.
    case unsubscribed
    /// Nothing at all any more: no marketing, no order messages, no alerts.
    case forgotten

    /// Whether this request also stops transactional messages.
    public var stopsEverything: Bool { self == .forgotten }
}

extension CustomerSuppression {
    /// Folds stored `(kind, email)` rows (kind `suppression:<raw value>`)
    /// into one suppression per email, the strongest winning. Unknown kinds
    /// (written by a newer version) are skipped.
    static func merge(_ rows: [(kind: String, email: String)]) -> [String: CustomerSuppression] {
        var result: [String: CustomerSuppression] = [:]
        for row in rows {
            guard row.kind.hasPrefix("suppression:"),
                let suppression = CustomerSuppression(rawValue: String(row.kind.dropFirst("suppression:".count)))
            else { continue }
            if result[row.email]?.stopsEverything != true { result[row.email] = suppression }
        }
        return result
    }
}
