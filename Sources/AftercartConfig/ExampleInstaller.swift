public import Foundation

extension ExampleConfiguration {
    /// What ``install(into:overwrite:)`` wrote.
    public struct Installation: Sendable {
        /// `D/config/aftercart.toml`.
        public var configFile: URL
        /// `D/.env.example`.
        public var environmentFile: URL
    }

    /// Why ``install(into:overwrite:)`` wrote nothing.
    public enum InstallError: Error, Sendable, CustomStringConvertible {
        /// The config exists and `overwrite` was false; it is never replaced silently.
        case configExists(String)
        /// The file system refused.
        case writeFailed(String, reason: String)

        public var description: String {
            switch self {
            case .configExists(let path): "\(path) already exists; edit it, or pass --force to replace it."
            case .writeFailed(let path, let reason): "cannot write \(path): \(reason)"
            }
        }
    }

    /// Writes `config/aftercart.toml` and `.env.example` under `directory`
    /// (what `aftercart init [--dir D]` does).
    ///
    /// An existing `.env.example` is replaced (it holds no values); an
    /// existing config only with `overwrite`.
    public func install(into directory: URL, overwrite: Bool = false) throws(InstallError) -> Installation {
        let configFolder = directory.appendingPathComponent("config", isDirectory: true)
        let configFile = configFolder.appendingPathComponent("aftercart.toml")
        let environmentFile = directory.appendingPathComponent(".env.example")
        if !overwrite, FileManager.default.fileExists(atPath: configFile.path) {
            throw .configExists(configFile.path)
        }
        do {
            try FileManager.default.createDirectory(at: configFolder, withIntermediateDirectories: true)
            try Data(toml.utf8).write(to: configFile, options: .atomic)
            try Data(environmentExample.utf8).write(to: environmentFile, options: .atomic)
        } catch {
            throw .writeFailed(configFile.path, reason: error.localizedDescription)
        }
        return Installation(configFile: configFile, environmentFile: environmentFile)
    }
}
