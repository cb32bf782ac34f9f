import AftercartConfig
import AftercartEngage
import AftercartModel
import AftercartStore
import ArgumentParser
import Foundation

/// What `aftercart export` can print.
enum ExportResource: String, ExpressibleByArgument, CaseIterable {
    case orders, customers, coupons, loyalty, reviews, actions
    /// Everything held about one person (`--email`), as one JSON document.
    case customer

    var resource: ResourceKind? { ResourceKind(rawValue: rawValue) }
}

/// Output format of `aftercart export`.
enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case jsonl, csv
}

/// `aftercart export RESOURCE`: the normalized records, one per line.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print the normalized records of one resource, one per line, or everything about one customer.",
        discussion: """
            RESOURCE is one of: orders, customers, coupons, loyalty, reviews, actions (the outbox). \
            Every record carries vanished_at: null while the store has it, the time a full sync or a \
            deletion webhook found it gone otherwise; vanished records are left out unless \
            --include-vanished. \
            'export customer --email X [--store S]' prints one JSON document with everything Aftercart \
            holds about that person (every store when --store is omitted): their customer records, \
            orders, reviews and loyalty accounts (vanished ones too), outbox rows about them (emails \
            with their state and times, coupons, alerts), recorded requests and order-page views. An \
            address Aftercart holds nothing about prints "found": false with a note, and exits 0. \
            Exit codes: 0 printed, 1 the database could not be read, 2 config \
            error or unknown --store.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(
        help: "What to export: orders, customers, coupons, loyalty, reviews, actions, or customer (with --email).")
    var resource: ExportResource

    @Option(name: .long, help: ArgumentHelp("With 'customer': the person's email address.", valueName: "address"))
    var email: String?

    @Option(name: .long, help: "Only this store's records (default: every store).")
    var store: String?

    @Option(name: .long, help: "jsonl (one JSON object per line) or csv (a header, then one row per record).")
    var format: ExportFormat = .jsonl

    @Flag(name: .long, help: "Also print records the store no longer has (their vanished_at is set).")
    var includeVanished = false

    func validate() throws {
        if resource == .customer {
            guard let email, EmailAddressText.looksLikeAddress(email.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("export customer needs --email with the customer's address, e.g. ann@example.com")
            }
            if format != .jsonl || includeVanished {
                throw ValidationError("export customer prints one JSON document: no --format, no --include-vanished")
            }
        } else if email != nil {
            throw ValidationError("--email applies to 'export customer' only")
        }
        if includeVanished, resource == .actions {
            throw ValidationError("--include-vanished applies to records; outbox actions never vanish")
        }
    }

    func run() async throws {
        _ = global.makeLogger()
        let configuration = try DatabaseOpener.loadConfiguration(global)
        _ = try StoreSelection.select(store, from: configuration)
        let persistence = try await DatabaseOpener.open(configuration)
        if resource == .customer {
            try await exportCustomer(configuration.stores.map { StoreID($0.name) }, persistence)
            return
        }
        var writer = RecordLineWriter(format: format)
        if let kind = resource.resource {
            let payloads = persistence.allPayloads(
                kind, store: store.map(StoreID.init(rawValue:)), includeVanished: includeVanished)
            for try await payload in payloads {
                try writer.write(json: ExportedRecord.json(payload))
            }
        } else {
            let encoder = ModelJSON.encoder()
            for try await entry in persistence.allOutboxEntries() where store == nil || entry.store.rawValue == store {
                try writer.write(json: String(decoding: try encoder.encode(ExportedAction(entry)), as: UTF8.self))
            }
        }
        writer.finish()
        try await persistence.close()
    }

    /// Prints the one document of `export customer`.
    private func exportCustomer(_ configured: [StoreID], _ persistence: any Persistence) async throws {
        guard let database = persistence as? any PersonalDataStore else {
            ConsoleReport.error("the database at \(persistence.location) cannot look up a customer")
            try? await persistence.close()
            throw ExitCode.failure
        }
        do {
            let stores = store.map { [StoreID($0)] } ?? configured
            print(try await CustomerDataExport.document(email: email ?? "", stores: stores, database: database))
        } catch {
            ConsoleReport.error("\(error)")
            try? await persistence.close()
            throw ExitCode.failure
        }
        try await persistence.close()
    }
}
