import AftercartConfig
import AftercartModel
import Foundation

/// When an order is expected to arrive: from two days after it was placed
/// to the store's delivery estimate after it (three days at the least), as
/// the emails and the order-status page both promise it.
struct DeliveryWindow: Sendable, Hashable {
    /// The first day the parcel may arrive.
    var earliest: Date
    /// The last day the store expects it to arrive.
    var latest: Date

    /// The window of an order placed at `orderedAt` in a store whose parcels
    /// take `estimate` to arrive.
    init(orderedAt: Date, estimate: TimeInterval) {
        // Two days is the soonest any carrier the stores use delivers; an
        // estimate below three days would make the window a single day or none.
        earliest = orderedAt.addingTimeInterval(2 * 86_400)
        latest = orderedAt.addingTimeInterval(max(estimate, 3 * 86_400))
    }

    /// `11月22日〜11月25日` as the locale's `delivery_window` writes it, the
    /// dates in the store's zone and language.
    func text(_ strings: LocaleStrings, _ formatting: MessageFormatting, currency: Currency?) -> String {
        strings.text(
            "delivery_window",
            [
                "from": formatting.date(earliest, currency: currency),
                "to": formatting.date(latest, currency: currency),
            ])
    }
}
