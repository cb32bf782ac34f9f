import AftercartStore
import ArgumentParser

/// `aftercart forget`: the customer wants nothing more from this store's Aftercart.
struct ForgetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forget",
        abstract: "Stop every message to and alert about one customer of a store.",
        discussion: """
            Records the request in Aftercart's database: from the next plan on, nothing at all is \
            planned for this address (marketing, transactional order messages, support alerts), \
            and every email, coupon and support alert about them still waiting in the outbox is \
            cancelled. What it does NOT delete: the orders, customer, reviews and loyalty records \
            synced from the store stay in the database and come back on every sync (the store is \
            the source of truth: erase the customer there), outbox rows already sent stay as the \
            record of what was sent, and the address itself is kept so the request holds. The \
            marketing opt-out is queued for the store's consent field, as for unsubscribe. \
            Exit codes: 0 recorded, 1 the database failed, 2 an unknown store or an address that is not one.
            """
    )

    @OptionGroup var options: CustomerRequestOptions

    func run() async throws {
        try await options.record(.forgotten)
    }
}
