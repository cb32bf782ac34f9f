public import AftercartModel
public import Foundation

/// Customer meta keys that hold a loyalty balance, as the merchant's
/// points plugin writes them. Only ``points`` is required.
public struct WooCommerceLoyaltyMetaKeys: Sendable, Hashable {
    /// The current balance (an integer, or integral decimal text).
    public var points: String
    /// Points that lapse at ``expiresAt``.
    public var pointsExpiring: String?
    /// A unix timestamp, an ISO 8601 date-time or a `YYYY-MM-DD` date.
    public var expiresAt: String?
    /// The tier name, as text.
    public var tier: String?

    public init(points: String, pointsExpiring: String? = nil, expiresAt: String? = nil, tier: String? = nil) {
        self.points = points
        self.pointsExpiring = pointsExpiring
        self.expiresAt = expiresAt
        self.tier = tier
    }
}

/// Loyalty balances on WooCommerce → ``LoyaltyAccount``. Pure.
///
/// WooCommerce has no loyalty API of its own (WooCommerce REST API docs list none), so two
/// sources are supported:
///
/// - **Customer meta** (`source` `customer_meta`): a points plugin keeps the
///   balance in user meta that `GET /customers` returns; the key names are
///   configured (``WooCommerceLoyaltyMetaKeys``).
/// - **Advanced Coupons Loyalty Program** (`source` `advanced_coupons`):
///   `GET /wp-json/wc-loyalty-program/v1/customers/status/{user_id}`. The
///   balance is the *unclaimed* points (claimed points were turned into
///   coupons, expired ones are gone). Assumptions, from the plugin's docs
///   and not verified on a live store: `status` lists total, unclaimed,
///   claimed and expired rows in that order; labels may be translated, so
///   the English label is preferred and the second row is the fallback;
///   the route reports neither expiry dates nor tiers.
public struct WooCommerceLoyaltyMapper: Sendable {
    /// ``AftercartModel/LoyaltyAccount/source`` for balances from customer meta.
    public static let customerMetaSource = "customer_meta"
    /// ``AftercartModel/LoyaltyAccount/source`` for Advanced Coupons balances.
    public static let advancedCouponsSource = "advanced_coupons"

    public var store: StoreID

    public init(store: StoreID) {
        self.store = store
    }

    /// Balances from the customer meta of a `GET /customers` page body.
    /// Customers without the points key are skipped.
    public func mapCustomerMetaPage(
        _ body: Data, keys: WooCommerceLoyaltyMetaKeys
    ) throws(WooCommerceDecodingError) -> WooCommerceMappedPage<LoyaltyAccount> {
        let wires = try WooWireDecoder.decodePage(WooCustomerWire.self, from: body, resource: .loyalty)
        var page = WooCommerceMappedPage<LoyaltyAccount>()
        for (index, wire) in wires.enumerated() {
            let path = WooFieldPath(resource: .loyalty).index(index)
            let modified = try? WooFieldReading.gmtDate(wire.dateModifiedGMT, at: path)
            page.append(try mapCustomerMeta(wire, keys: keys, at: path), modified: modified)
        }
        return page
    }

    func mapCustomerMeta(
        _ wire: WooCustomerWire, keys: WooCommerceLoyaltyMetaKeys, at path: WooFieldPath
    ) throws(WooCommerceDecodingError) -> WooCommerceMapped<LoyaltyAccount> {
        let id = try WooFieldReading.id(wire.id, at: path.key("id"))
        guard let meta = wire.metaData else {
            return .skipped(WooCommerceSkippedRecord(id: id, reason: .customerMetaHidden))
        }
        let metaPath = path.key("meta_data")
        guard let pointsValue = meta.value(for: keys.points), !(pointsValue.text ?? "").isEmpty else {
            return .skipped(WooCommerceSkippedRecord(id: id, reason: .noLoyaltyBalance))
        }
        do throws(WooCommerceDecodingError) {
            let points = try Self.points(pointsValue, at: metaPath.key(keys.points))
            var expiring: Int?
            if let key = keys.pointsExpiring, let value = meta.value(for: key), !(value.text ?? "").isEmpty {
                expiring = try Self.points(value, at: metaPath.key(key))
            }
            var expiresAt: Date?
            if let key = keys.expiresAt, let value = meta.value(for: key), WooFieldReading.nonEmpty(value.text) != nil {
                guard let date = WooShipmentTrackingReader.shippingDate(value) else {
                    throw metaPath.key(key).error("\"\((value.text ?? "").prefix(40))\" is not a date")
                }
                expiresAt = date
            }
            return .record(
                LoyaltyAccount(
                    store: store, customerID: id, points: points,
                    tier: keys.tier.flatMap { meta.value(for: $0)?.text }.flatMap(WooFieldReading.nonEmpty),
                    pointsExpiring: expiring, expiresAt: expiresAt, source: Self.customerMetaSource,
                    updatedAt: try WooFieldReading.gmtDate(wire.dateModifiedGMT, at: path.key("date_modified_gmt"))))
        } catch {
            var error = error
            error.recordID = id
            throw error
        }
    }

    /// The balance in an Advanced Coupons status body for `customerID`.
    /// `updatedAt` is when it was read: the route says nothing about when
    /// the balance last changed.
    public func mapAdvancedCouponsStatus(
        _ body: Data, customerID: String, readAt updatedAt: Date?
    ) throws(WooCommerceDecodingError) -> LoyaltyAccount {
        let wire = try WooWireDecoder.decodeRecord(WooLoyaltyStatusWire.self, from: body, resource: .loyalty)
        let rows = WooFieldPath(resource: .loyalty).key("status")
        let position =
            wire.status.firstIndex { ($0.label ?? "").lowercased().contains("unclaimed") }
            ?? (wire.status.count > 1 ? 1 : nil)
        guard let position else {
            throw rows.error("no unclaimed points row", recordID: customerID)
        }
        let path = rows.index(position).key("points")
        let value = wire.status[position].points ?? WooText(.absent)
        let points: Int
        do throws(WooCommerceDecodingError) {
            points = try Self.points(value, at: path)
        } catch {
            var error = error
            error.recordID = customerID
            throw error
        }
        return LoyaltyAccount(
            store: store, customerID: customerID, points: points, tier: nil, pointsExpiring: nil, expiresAt: nil,
            source: Self.advancedCouponsSource, updatedAt: updatedAt)
    }

    static func points(_ value: WooJSONValue, at path: WooFieldPath) throws(WooCommerceDecodingError) -> Int {
        let text: WooText
        switch value {
        case .number(let number): text = WooText(.number(number))
        case .string(let string): text = WooText(.text(string))
        default: throw path.error("expected a number of points")
        }
        return try points(text, at: path)
    }

    /// Whole points; plugins that store `"120.00"` are fine, `"12.5"` is not.
    static func points(_ value: WooText, at path: WooFieldPath) throws(WooCommerceDecodingError) -> Int {
        let decimal = try WooFieldReading.decimal(value, at: path)
        guard let whole = WooInteger.wholeNumber(decimal) else {
            throw path.error("\(NSDecimalNumber(decimal: decimal).stringValue) is not a whole number of points")
        }
        return whole
    }
}
