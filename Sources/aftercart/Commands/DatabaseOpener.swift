import AftercartConfig
import AftercartEngage
import AftercartModel
import AftercartStore
import ArgumentParser
import Foundation

/// Opens the database the config names.
enum DatabaseOpener {
    static func open(_ configuration: AftercartConfiguration) async throws -> any Persistence {
        switch configuration.database.url {
        case .sqlite(let path):
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            do {
                return try await SQLitePersistence.open(path: path)
            } catch {
                ConsoleReport.error("\(error)")
                throw ExitCode.failure
            }
        case .postgres(let url):
            let password: Secret?
            do {
                password = try configuration.database.password?.resolve()
            } catch {
                ConsoleReport.problems(error.problems, warnings: [])
                throw ExitCode.configurationError
            }
            do {
                // Named per process so pg_stat_activity tells the workers apart.
                let name = "aftercart \(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier)"
                return try await PostgresPersistence.open(
                    url: url, password: password, options: PostgresOptions(applicationName: String(name.prefix(63))))
            } catch {
                // PersistenceError texts name the URL without its password.
                ConsoleReport.error("\(error)")
                throw ExitCode.failure
            }
        }
    }

    /// Loads the config or reports every problem and exits 2.
    static func loadConfiguration(
        _ global: GlobalOptions, secrets: AftercartConfiguration.SecretResolution = .deferred
    ) throws -> AftercartConfiguration {
        let configuration: AftercartConfiguration
        do {
            configuration = try AftercartConfiguration.load(
                path: global.configPath, platforms: Platforms.settings, secrets: secrets)
        } catch {
            ConsoleReport.problems(error.problems, warnings: error.warnings)
            throw ExitCode.configurationError
        }
        // Review requests are known only with their templates; refused like any config error.
        let rule = ReviewRequestRule.problems(for: configuration)
        ConsoleReport.problems(rule, warnings: configuration.warnings)
        if !rule.isEmpty { throw ExitCode.configurationError }
        return configuration
    }
}
