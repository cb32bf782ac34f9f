import AftercartConfig
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
            ConsoleReport.error(
                "database \(DatabaseURL.postgres(url)): this build has no PostgreSQL backend yet; "
                    + "use url = \"sqlite:data/aftercart.sqlite\" in [database]")
            throw ExitCode.configurationError
        }
    }

    /// Loads the config or reports every problem and exits 2.
    static func loadConfiguration(
        _ global: GlobalOptions, secrets: AftercartConfiguration.SecretResolution = .deferred
    ) throws -> AftercartConfiguration {
        do {
            let configuration = try AftercartConfiguration.load(path: global.configPath, secrets: secrets)
            ConsoleReport.problems([], warnings: configuration.warnings)
            return configuration
        } catch {
            ConsoleReport.problems(error.problems, warnings: error.warnings)
            throw ExitCode.configurationError
        }
    }
}
