import Foundation

/// The same captured page bytes through the JSON parsers this machine has,
/// before accepting Foundation's `JSONDecoder` as the decode floor: a parser
/// that only builds Foundation objects (`JSONSerialization`, no mapping
/// into the model at all) bounds what replacing the decoder could gain.
enum JSONParserComparison {
    struct Result {
        var records: Int
        var serializationSeconds: Double
    }

    /// Parses every page with `JSONSerialization` and counts the records.
    static func serializationOnly(_ pages: CapturedPages) throws -> Result {
        let clock = ContinuousClock()
        let start = clock.now
        var records = 0
        for body in pages.pages {
            let object = try JSONSerialization.jsonObject(with: body)
            if let array = object as? [Any] {
                records += array.count
            } else if let dictionary = object as? [String: Any], let orders = dictionary["orders"] as? [Any] {
                records += orders.count
            }
        }
        return Result(records: records, serializationSeconds: (clock.now - start).seconds)
    }
}
