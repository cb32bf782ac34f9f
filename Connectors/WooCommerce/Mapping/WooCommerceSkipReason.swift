import AftercartConnector
import Logging

/// Why a WooCommerce record was deliberately left out of a page. Skips
/// are not errors: the sync goes on and reports them.
public enum WooCommerceSkipReason: Sendable, Hashable, CustomStringConvertible {
    /// An order in the trash; WooCommerce no longer treats it as an order.
    case trashed
    /// A checkout or admin draft (`checkout-draft`, `auto-draft`, `draft`):
    /// nobody has placed it yet.
    case draft(status: String)
    /// An order status neither core nor the configured custom statuses know.
    case unknownOrderStatus(String)
    /// A coupon type outside percent/fixed_cart/fixed_product (e.g. Smart
    /// Coupons' `smart_coupon` store credit).
    case unsupportedCouponKind(String)
    /// A review with rating 0: a plain comment, no stars given.
    case reviewWithoutRating
    /// A review nobody can be matched to.
    case reviewWithoutEmail
    /// A review status other than approved, hold, spam or trash.
    case unknownReviewStatus(String)
    /// A customer record without an email address.
    case customerWithoutEmail
    /// A customer without the configured loyalty balance.
    case noLoyaltyBalance
    /// The customer came without `meta_data`: the key's owner is not an
    /// administrator, so WooCommerce hides every customer's meta.
    case customerMetaHidden

    public var description: String {
        switch self {
        case .trashed: "in the trash"
        case .draft(let status): "draft order (status \(status))"
        case .unknownOrderStatus(let status):
            "unknown order status \"\(status)\"; map it in the store's custom order statuses"
        case .unsupportedCouponKind(let kind): "coupon type \"\(kind)\" is not supported"
        case .reviewWithoutRating: "review has no star rating"
        case .reviewWithoutEmail: "review has no reviewer email"
        case .unknownReviewStatus(let status): "unknown review status \"\(status)\""
        case .customerWithoutEmail: "customer has no email"
        case .noLoyaltyBalance: "customer has no loyalty balance"
        case .customerMetaHidden: "customer meta is hidden from this key (its WordPress user is not an administrator)"
        }
    }
}

/// The result of mapping one WooCommerce record.
public enum WooCommerceMapped<Record: Sendable>: Sendable {
    case record(Record)
    case skipped(WooCommerceSkippedRecord)

    /// The record, or `nil` when it was skipped.
    public var record: Record? {
        if case .record(let record) = self { return record }
        return nil
    }
}

/// A record left out of a page, and why.
public struct WooCommerceSkippedRecord: Sendable, Hashable, CustomStringConvertible {
    /// The WooCommerce id.
    public var id: String
    /// Why it was left out.
    public var reason: WooCommerceSkipReason

    public init(id: String, reason: WooCommerceSkipReason) {
        self.id = id
        self.reason = reason
    }

    public var description: String { "\(id): \(reason)" }
}

extension WooCommerceSkippedRecord {
    /// The skip as the SDK's walk logs it: a warning for a status or kind
    /// that the config can map or that Aftercart does not support, which
    /// someone should look at; the rest is business as usual.
    var reported: SkippedRecord {
        let level: Logger.Level =
            switch reason {
            case .unknownOrderStatus, .unsupportedCouponKind, .unknownReviewStatus: .warning
            default: .debug
            }
        return SkippedRecord(id: id, reason: "\(reason)", level: level)
    }
}
