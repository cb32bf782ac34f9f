import AftercartModel
import AftercartStore
import Foundation

extension OrderFact {
    /// What the order charged and kept: its total less what was refunded,
    /// `nil` when the amounts do not read or nothing is left (fully refunded).
    var net: Money? {
        guard let currency = Currency(code: currency), let total = Money(text: total, currency: currency),
            let refunded = Money(text: refundedTotal, currency: currency)
        else { return nil }
        let net = total - refunded
        if refunded.amount > 0, net.amount <= 0 { return nil }
        return net
    }
}
