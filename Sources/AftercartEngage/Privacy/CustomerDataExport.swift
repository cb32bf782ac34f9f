public import AftercartModel
public import AftercartStore
import Foundation

/// Everything Aftercart holds about one person, per store, as one JSON
/// document: what `aftercart export customer --email X` prints and what a
/// platform's data request (Shopify `customers/data_request`) is answered with.
///
/// Records appear as `export` prints them (normalized JSON with
/// `vanished_at`), outbox rows as `export actions` prints them. An address
/// nobody holds is not an error: the document says `"found": false` with a
/// note, so a data request can be answered either way.
public enum CustomerDataExport {
    /// The document for `email` across `stores` of `database`.
    public static func document(email: String, stores: [StoreID], database: any PersonalDataStore) async throws
        -> String
    {
        let address = email.trimmingCharacters(in: .whitespaces).lowercased()
        var held: [PersonalDataHeld] = []
        for store in stores {
            let found = try await database.personalData(of: address, store: store)
            if !found.isEmpty { held.append(found) }
        }
        var fields = ["\"email\":" + json(address), "\"found\":" + (held.isEmpty ? "false" : "true")]
        if held.isEmpty {
            fields.append(
                "\"note\":"
                    + json(
                        "Aftercart holds nothing about this address in "
                            + stores.map(\.rawValue).joined(separator: ", ")))
        }
        fields.append("\"stores\":[" + (try held.map(storeDocument).joined(separator: ",")) + "]")
        return "{" + fields.joined(separator: ",") + "}"
    }

    private static func storeDocument(_ held: PersonalDataHeld) throws -> String {
        var fields = [
            "\"store\":" + json(held.store.rawValue), "\"forgotten\":" + (held.forgotten ? "true" : "false"),
            "\"suppressions\":[" + held.suppressions.map { json($0.rawValue) }.joined(separator: ",") + "]",
        ]
        for resource in [ResourceKind.customers, .orders, .reviews, .loyalty] {
            let records = held.records.filter { $0.resource == resource }.map(ExportedRecord.json)
            fields.append(json(resource.rawValue) + ":[" + records.joined(separator: ",") + "]")
        }
        let encoder = ModelJSON.encoder()
        encoder.outputFormatting.insert(.sortedKeys)
        let actions = try held.outbox.map { String(decoding: try encoder.encode(ExportedAction($0)), as: UTF8.self) }
        fields.append("\"outbox\":[" + actions.joined(separator: ",") + "]")
        let views = held.orderPageViews.sorted { $0.key < $1.key }.map { json($0.key) + ":" + String($0.value) }
        fields.append("\"order_page_views\":{" + views.joined(separator: ",") + "}")
        return "{" + fields.joined(separator: ",") + "}"
    }

    private static func json(_ text: String) -> String {
        String(decoding: (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8), as: UTF8.self)
    }
}
