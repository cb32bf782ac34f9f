import AftercartJSON
import AftercartModel
import Foundation

/// The one way a record becomes its stored JSON, for every backend.
///
/// Keys are sorted because Foundation's JSON encoder on Linux emits keys in
/// a different order on every run: without sorting, a re-read identical
/// record would look changed and every sync would rewrite every row.
/// Records that write themselves (``CanonicalJSONWritable``) skip the
/// encoder and produce the same bytes.
enum RecordPayload {
    static func encoder() -> JSONEncoder {
        let encoder = ModelJSON.encoder()
        encoder.outputFormatting.insert(.sortedKeys)
        return encoder
    }

    static func encode(_ record: some SyncRecord, with encoder: JSONEncoder) throws -> String {
        if let writable = record as? any CanonicalJSONWritable {
            var writer = CanonicalJSONWriter()
            writable.write(to: &writer)
            return writer.text
        }
        return String(decoding: try encoder.encode(record), as: UTF8.self)
    }
}
