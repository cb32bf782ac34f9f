public import AftercartConnector
import AftercartModel

/// Lets the store deliver, the way its adapter says the platform can
/// (``ConnectorCapabilities/storeMessaging``): a customer-visible order
/// note the store emails to the buyer itself, or a customer tag and meta
/// that the merchant's own automation acts on (for platforms whose API
/// cannot email a customer). See docs/delivery.md.
public struct StoreChannel: MessageChannel {
    public let name = "store"
    /// The tag added when the store delivers through customer tags, beside
    /// `aftercart-<campaign>`.
    public static let messageTag = "aftercart-message"

    public init() {}

    public func deliver(_ message: OutgoingMessage, connector: (any StoreConnector)?) async throws(ChannelFailure)
        -> String
    {
        guard let connector else {
            throw ChannelFailure(transient: false, "store '\(message.origin.store)' has no connector configured")
        }
        do {
            switch connector.capabilities.storeMessaging {
            case .customerOrderNote:
                guard let orderID = message.origin.orderID else {
                    throw ChannelFailure(
                        transient: false,
                        "the store channel on \(connector.platform) sends through an order note, and this message has no order"
                    )
                }
                try await connector.addOrderNote(
                    orderID: orderID, text: message.subject + "\n\n" + message.text, customerVisible: true)
                return "customer note on order \(orderID)"
            case .customerTags:
                guard let customerID = message.origin.customerID else {
                    throw ChannelFailure(
                        transient: false,
                        "the store channel on \(connector.platform) tags the customer, and this message has no customer id"
                    )
                }
                try await connector.annotateCustomer(
                    customerID: customerID, tags: [Self.messageTag, "aftercart-\(message.origin.campaign)"],
                    meta: [
                        "aftercart.last_subject": message.subject, "aftercart.last_text": message.text,
                        "aftercart.last_coupon": message.origin.couponCode ?? "",
                        "aftercart.last_campaign": message.origin.campaign,
                    ])
                return "customer \(customerID) tagged for the store's own email"
            case .none:
                throw ChannelFailure(
                    transient: false,
                    "the store channel cannot deliver on \(connector.platform): its store sends no messages")
            }
        } catch let failure as ChannelFailure {
            throw failure
        } catch let error as ConnectorError {
            throw ChannelFailure(transient: error.isTransient, error.description)
        } catch {
            throw ChannelFailure(transient: true, "\(error)")
        }
    }
}
