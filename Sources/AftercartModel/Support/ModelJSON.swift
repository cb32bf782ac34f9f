public import Foundation

/// The JSON encoder and decoder for the normalized model: UTC `Z`
/// timestamps out, any ISO 8601 form in (with or without fractional
/// seconds), keys exactly as `aftercart export` prints them (RecordJSONTests pins them).
public enum ModelJSON {
    /// An encoder for one record per line (`export --format jsonl`, the store's payload column).
    /// Keys are sorted so the same record always encodes to the same bytes.
    public static func encoder(pretty: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.format(date))
        }
        encoder.outputFormatting =
            pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// A decoder that accepts what ``encoder(pretty:)`` writes and other ISO 8601 forms.
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = Timestamp.parse(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "\"\(text.prefix(40))\" is not an ISO 8601 date-time")
            }
            return date
        }
        return decoder
    }
}
