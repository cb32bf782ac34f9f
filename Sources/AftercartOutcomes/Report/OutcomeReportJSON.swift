import AftercartModel
public import Foundation

/// How reports are written as JSON (`aftercart report --format json`):
/// snake_case keys sorted, UTC ISO 8601 dates, amounts as decimal strings.
public enum OutcomeReportJSON {
    public static func encoder() -> JSONEncoder {
        let encoder = ModelJSON.encoder(pretty: true)
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return encoder
    }

    /// Reads what ``encoder()`` wrote.
    public static func decoder() -> JSONDecoder {
        let decoder = ModelJSON.decoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }
}
