import AftercartModel

/// Shopify's payment, fulfillment and archive states → the normalized order
/// status. Unknown values never fail a sync: they map to the most cautious
/// neighbour (`unknown` payment, unfulfilled).
enum ShopifyOrderLifecycle {
    static func financial(_ raw: String?) -> FinancialStatus {
        switch raw?.lowercased() {
        case "pending": .pending
        case "authorized": .authorized
        case "partially_paid": .partiallyPaid
        case "paid": .paid
        case "partially_refunded": .partiallyRefunded
        case "refunded": .refunded
        case "voided": .voided
        default: .unknown
        }
    }

    /// `null` is Shopify's way of saying nothing has shipped.
    static func fulfillment(_ raw: String?) -> FulfillmentStatus {
        switch raw?.lowercased() {
        case "fulfilled": .fulfilled
        case "partial": .partial
        case "restocked": .restocked
        default: .unfulfilled
        }
    }

    /// First match wins:
    /// 1. `cancelled_at` set, or payment `voided` → cancelled;
    /// 2. payment `refunded` → refunded;
    /// 3. fulfilled, or `closed_at` set (archived) → completed;
    /// 4. payment `pending`/`authorized` → pending;
    /// 5. anything else (paid, partially paid or refunded, unknown) → processing.
    static func status(
        cancelled: Bool, closed: Bool, financial: FinancialStatus, fulfillment: FulfillmentStatus
    ) -> OrderStatus {
        if cancelled || financial == .voided { return .cancelled }
        if financial == .refunded { return .refunded }
        if fulfillment == .fulfilled || closed { return .completed }
        if financial == .pending || financial == .authorized { return .pending }
        return .processing
    }
}
