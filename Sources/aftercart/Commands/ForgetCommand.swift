import AftercartConfig
import AftercartDelivery
import AftercartEngage
import AftercartModel
import AftercartStore
import ArgumentParser
import Foundation

/// `aftercart forget`: the customer wants nothing more from this store's
/// Aftercart, and their personal data erased from it.
struct ForgetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forget",
        abstract: "Erase one customer's personal data from Aftercart and stop everything to them.",
        discussion: """
            Cancels every email, coupon and support alert about the customer still waiting in the \
            outbox, then erases their personal data everywhere Aftercart keeps it: the address, names \
            and tracking numbers in synced orders, customers, reviews and loyalty records; rendered \
            emails, coupons and alerts in the outbox (sent ones too: to, name, text); requests keyed \
            by the address; rejected raw records naming them; and the messages this store wrote to them \
            in the file channel's folder (file_dir), which are deleted. What remains carries a pseudonym \
            (forgotten-<hash>@invalid, "Forgotten Customer"), so counts, amounts, dates and statuses \
            still add up. Only a keyed hash of the address is kept: a later sync or webhook that \
            brings the customer back is stored already redacted, and nothing is ever planned for them. \
            NOT erased: the store's own copy of the customer; erase it in the store too (WooCommerce: \
            Tools > Erase Personal Data; Shopify: the customer's "Erase personal data"). Running it \
            again changes nothing. Exit codes: 0 erased, 1 the database or a file could not be \
            changed, 2 an unknown store or an address that is not one.
            """
    )

    @OptionGroup var options: CustomerRequestOptions

    func run() async throws {
        try await options.withDatabase { configuration, database in
            let store = options.store
            let outcome = try await CustomerErasure(database: database).forget(
                store: StoreID(store), email: options.email, now: Date())
            let folder = DeliveryChannelFactory.fileDirectory(
                configuration.delivery,
                workingDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            let files = try FileOutboxErasure.erase(address: outcome.email, store: store, in: folder)
            print(ForgetReport.text(store: store, outcome: outcome, files: files, folder: folder.path))
        }
    }
}

/// What `aftercart forget` prints.
enum ForgetReport {
    static func text(store: String, outcome: CustomerErasure.Outcome, files: Int, folder: String) -> String {
        let erased = outcome.erased
        let records = ResourceKind.allCases.compactMap { resource in
            erased.records[resource].map { "\($0) \(resource.rawValue)" }
        }
        var lines = [
            "\(store): \(outcome.email) forgotten; cancelled \(outcome.cancelled) waiting outbox rows",
            "erased: records \(records.isEmpty ? "none" : records.joined(separator: ", ")); "
                + "outbox rows \(erased.outboxRows); requests keyed by the address \(erased.plannerRows); "
                + "rejected records \(erased.rejects); parcel stages and tracked parcels \(erased.parcelRows); "
                + "message files \(files) (\(folder))",
            "kept: a keyed hash of the address; their records now read \(erased.pseudonym)",
        ]
        if erased.withdrawalsCancelled > 0 {
            lines.append(
                "cancelled \(erased.withdrawalsCancelled) waiting opt-out write for the store (it would need the address)"
            )
        }
        lines.append(
            "not erased: the store's own copy of the customer; erase it in the store too "
                + "(WooCommerce: Tools > Erase Personal Data; Shopify: the customer's \"Erase personal data\")")
        return lines.joined(separator: "\n")
    }
}
