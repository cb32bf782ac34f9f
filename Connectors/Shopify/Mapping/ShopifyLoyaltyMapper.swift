public import AftercartConnector
public import AftercartModel
public import Foundation

/// A customer's metafields → ``LoyaltyAccount`` (source `shopify_metafield`).
///
/// The balance is the configured points key (an integer, sent as a number
/// or as text; a whole decimal such as `"120.0"` is accepted); tier,
/// expiry instant and expiring points come from their optional keys in the
/// same namespace. A customer without the points metafield has no account.
public struct ShopifyLoyaltyMapper: Sendable {
    /// The `source` written on every account.
    public static let source = "shopify_metafield"

    public var store: StoreID
    public var keys: ShopifyLoyaltyMetafields

    public init(store: StoreID, keys: ShopifyLoyaltyMetafields) {
        self.store = store
        self.keys = keys
    }

    private var context: ErrorContext { ErrorContext(store: store, resource: "loyalty", platform: "shopify") }

    /// Maps a `GET customers/{id}/metafields.json` body; `nil` when the
    /// customer has no points metafield.
    public func mapMetafields(_ body: Data, customerID: String) throws(ConnectorError) -> LoyaltyAccount? {
        let list = try ShopifyWireDecoder.decode(ShopifyMetafieldListWire.self, from: body, context: context)
        return try map(list, customerID: customerID)
    }

    /// A customer's metafields, however they were read (REST list, or the aliased
    /// metafields of a bulk query's customer) → its account; `nil` without points.
    func map(_ list: ShopifyMetafieldListWire, customerID: String) throws(ConnectorError) -> LoyaltyAccount? {
        let reading = ShopifyFieldReading(context: context, record: "customer \(customerID)")
        func field(_ key: String?) -> (ShopifyMetafieldWire, ShopifyFieldPath)? {
            guard let key,
                let index = list.metafields.firstIndex(where: { $0.namespace == keys.namespace && $0.key == key })
            else { return nil }
            return (list.metafields[index], ShopifyFieldPath("metafields").index(index))
        }
        guard let found = field(keys.pointsKey) else { return nil }
        let (points, pointsPath) = found
        var expiring: Int?
        if let found = field(keys.expiringKey) {
            expiring = try integer(found.0.value, reading: reading, at: found.1.key("value"))
        }
        var expiresAt: Date?
        if let found = field(keys.expiresAtKey) {
            expiresAt = try reading.optionalDate(found.0.value.text, at: found.1.key("value"))
        }
        let tier = field(keys.tierKey).flatMap { ShopifyFieldReading.nonEmpty($0.0.value.text) }
        return LoyaltyAccount(
            store: store, customerID: customerID,
            points: try integer(points.value, reading: reading, at: pointsPath.key("value")) ?? 0, tier: tier,
            pointsExpiring: expiring, expiresAt: expiresAt, source: Self.source,
            updatedAt: try reading.optionalDate(points.updatedAt, at: pointsPath.key("updated_at")))
    }

    private func integer(
        _ value: ShopifyScalar, reading: ShopifyFieldReading, at path: ShopifyFieldPath
    ) throws(ConnectorError) -> Int? {
        guard let text = ShopifyFieldReading.nonEmpty(value.text) else { return nil }
        let number = try reading.decimal(text, at: path)
        var rounded = Decimal()
        var copy = number
        NSDecimalRound(&rounded, &copy, 0, .plain)
        guard rounded == number, let whole = Int(exactly: NSDecimalNumber(decimal: number).int64Value),
            Decimal(whole) == number
        else {
            throw reading.failure(path, "\"\(text.prefix(30))\" is not a whole number of points")
        }
        return whole
    }
}
