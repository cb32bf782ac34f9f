import AftercartConfig
import AftercartModel
import ArgumentParser

/// `--resources a,b,c` as `sync` and `run` take it.
enum ResourceList {
    static func parse(_ text: String) throws -> [ResourceKind] {
        var kinds: [ResourceKind] = []
        for name in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            guard let kind = ResourceKind(rawValue: name) else {
                let known = ResourceKind.allCases.map(\.rawValue).joined(separator: ", ")
                throw ValidationError("'\(name)' is not a resource; use any of: \(known)")
            }
            if !kinds.contains(kind) { kinds.append(kind) }
        }
        return kinds
    }
}

/// `--store NAME` as every command takes it: every store when absent, and
/// a name that is not configured is a config error (exit 2) that lists the
/// configured names, never an empty selection that looks like success.
enum StoreSelection {
    /// What is wrong with `--store name`, or `nil` when it is absent or configured.
    static func problem(_ name: String?, in configuration: AftercartConfiguration) -> String? {
        guard let name, configuration.store(named: name) == nil else { return nil }
        let names = configuration.stores.map(\.name)
        let configured = names.isEmpty ? "it configures no stores" : "configured: \(names.joined(separator: ", "))"
        return "--store \(name): no store of that name in \(configuration.file) (\(configured))"
    }

    /// The stores `--store name` selects; reports an unknown name and exits 2.
    static func select(_ name: String?, from configuration: AftercartConfiguration) throws -> [StoreConfiguration] {
        if let problem = problem(name, in: configuration) {
            ConsoleReport.error(problem)
            throw ExitCode.configurationError
        }
        return configuration.stores.filter { name == nil || $0.name == name }
    }
}
