import AftercartConfig
import AftercartEngage
import AftercartModel
import AftercartStore
import ArgumentParser
import Foundation

/// What `unsubscribe` and `forget` share: the store, the address, and
/// recording the request through ``CustomerRequests``.
struct CustomerRequestOptions: ParsableArguments {
    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("The configured store the customer belongs to.", valueName: "name"))
    var store: String

    @Option(
        name: .long, help: ArgumentHelp("The customer's email address (compared ignoring case).", valueName: "address"))
    var email: String

    /// Records `request` and prints what it did; exit 2 for a store that is
    /// not configured or an address that is not one.
    func record(_ request: CustomerSuppression) async throws {
        try await withDatabase { _, database in
            let outcome = try await CustomerRequests(database: database).record(
                request, store: StoreID(store), email: email, now: Date())
            guard !outcome.alreadyForgotten else {
                print("\(store): \(outcome.email) was already forgotten (aftercart forget); nothing to record")
                return
            }
            let storeWrite =
                outcome.consentWithdrawalQueued
                ? "queued the opt-out for the store (performed by the next send)"
                : "the opt-out for the store was already queued"
            print(
                "\(store): \(outcome.email) \(request.rawValue); cancelled \(outcome.cancelled) waiting outbox rows; "
                    + storeWrite)
        }
    }

    /// Runs `body` with the configuration and the opened database, closing
    /// it afterwards; exit 2 for a store that is not configured or an
    /// address that is not one, 1 when the database fails.
    func withDatabase(_ body: (AftercartConfiguration, any PlannerDatabase) async throws -> Void) async throws {
        _ = global.makeLogger()
        let configuration = try DatabaseOpener.loadConfiguration(global)
        _ = try StoreSelection.select(store, from: configuration)
        let persistence = try await DatabaseOpener.open(configuration)
        guard let database = persistence as? any PlannerDatabase else {
            ConsoleReport.error("the database at \(persistence.location) cannot record requests (no planning queries)")
            try? await persistence.close()
            throw ExitCode.failure
        }
        do {
            try await body(configuration, database)
        } catch let error as CustomerRequestError {
            ConsoleReport.error("--email: \(error)")
            try? await persistence.close()
            throw ExitCode.configurationError
        } catch {
            ConsoleReport.error("\(store): \(error)")
            try? await persistence.close()
            throw ExitCode.failure
        }
        try await persistence.close()
    }
}

/// `aftercart unsubscribe`: the customer wants no more marketing.
struct UnsubscribeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unsubscribe",
        abstract: "Stop marketing messages to one customer of a store.",
        discussion: """
            Records the unsubscribe in Aftercart's database: from the next plan on, no marketing \
            message (review requests, win-back, loyalty, thank-you coupons) is planned for this \
            address, whatever consent the store's records show; marketing emails already waiting \
            in the outbox, and the coupons they announce, are cancelled. Transactional order \
            messages (order confirmation, shipping updates) still go. Nothing is deleted: records \
            synced from the store stay (the store is the source of truth). The opt-out is also \
            queued for the store's own consent field (Shopify's email marketing consent; \
            WooCommerce: consent_meta_key, when configured), written by the next send or run with \
            the usual retries, so later syncs read "no consent" too. Exit codes: 0 recorded, 1 the database failed, 2 an unknown store or an \
            address that is not one.
            """
    )

    @OptionGroup var options: CustomerRequestOptions

    func run() async throws {
        try await options.record(.unsubscribed)
    }
}
