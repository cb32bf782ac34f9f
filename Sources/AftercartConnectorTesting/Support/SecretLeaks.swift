import AftercartConnector

/// Where an error could carry a secret to a log or a terminal.
enum SecretLeaks {
    static func problems(in error: ConnectorError, secrets: [String]) -> [String] {
        let context = error.context
        let surfaces = [
            ("description", error.description), ("url", context.url ?? ""),
            ("platform message", context.platformMessage ?? ""), ("body snippet", context.bodySnippet ?? ""),
        ]
        var problems: [String] = []
        for secret in secrets where secret.count >= 6 {
            for (name, text) in surfaces where text.contains(secret) {
                problems.append("the error's \(name) contains a credential (\(secret.prefix(4))…)")
            }
        }
        return problems
    }
}
