import AftercartConnector

/// Short, readable text for failure messages.
enum ConformanceText {
    /// An error as a user would see it, with its case for typed errors.
    static func describe(_ error: any Error) -> String {
        if let error = error as? ConnectorError { return "\(caseName(error)): \(error.description)" }
        return "\(type(of: error)): \(String(describing: error).prefix(300))"
    }

    /// `unauthorized`, `decoding(field: line_items[0].price)`, ...
    static func caseName(_ error: ConnectorError) -> String {
        switch error {
        case .unauthorized: "unauthorized"
        case .forbidden(let status, _): "forbidden(\(status))"
        case .notFound: "notFound"
        case .rateLimited: "rateLimited"
        case .server(let status, _): "server(\(status))"
        case .badRequest(let status, _): "badRequest(\(status))"
        case .timeout: "timeout"
        case .unreachable: "unreachable"
        case .invalidResponse: "invalidResponse"
        case .decoding(let field, _, _): "decoding(field: \(field))"
        case .unsupported: "unsupported"
        }
    }

    /// At most `limit` ids, sorted, for "missing: …" lines.
    static func sample(_ ids: some Collection<String>, limit: Int = 8) -> String {
        let sorted = ids.sorted { $0.count == $1.count ? $0 < $1 : $0.count < $1.count }
        let shown = sorted.prefix(limit).joined(separator: ", ")
        return ids.count > limit ? "\(shown), … (\(ids.count) in all)" : shown
    }
}
