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

/// `--store NAME` as `sync` and `run` take it: every store when absent.
enum StoreSelection {
    static func select(
        _ name: String?, from configuration: AftercartConfiguration, configPath: String
    ) throws -> [StoreConfiguration] {
        guard let name else { return configuration.stores }
        guard let entry = configuration.store(named: name) else {
            let names = configuration.stores.map(\.name).joined(separator: ", ")
            ConsoleReport.error("no store named '\(name)' in \(configPath); stores: \(names)")
            throw ExitCode.configurationError
        }
        return [entry]
    }
}
