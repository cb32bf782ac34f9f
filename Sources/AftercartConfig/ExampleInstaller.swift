public import Foundation

extension ExampleConfiguration {
    /// What ``install(into:overwrite:)`` did.
    public struct Installation: Sendable {
        /// `D/config/aftercart.toml`.
        public var configFile: URL
        /// `D/.env.example`.
        public var environmentFile: URL
        /// Every file considered, in the order written: the config, `.env.example`,
        /// then the shipped campaigns and templates.
        public var files: [InstalledFile]
    }

    /// One file ``install(into:overwrite:)`` considered, and what became of it.
    public struct InstalledFile: Sendable, Hashable {
        /// What became of a file.
        public enum Outcome: String, Sendable, Hashable {
            /// It was missing, or `overwrite` replaced it.
            case written
            /// It already held exactly the shipped text.
            case unchanged
            /// It differs from the shipped text (the merchant edited it) and was left alone.
            case kept
        }

        /// The file.
        public var url: URL
        /// What became of it.
        public var outcome: Outcome
    }

    /// Why ``install(into:overwrite:)`` stopped.
    public enum InstallError: Error, Sendable, CustomStringConvertible {
        /// The file system refused.
        case writeFailed(String, reason: String)

        public var description: String {
            switch self {
            case .writeFailed(let path, let reason): "cannot write \(path): \(reason)"
            }
        }
    }

    /// Writes `config/aftercart.toml`, `.env.example` and the shipped
    /// campaigns and templates (``ShippedFiles``) under `directory` (what
    /// `aftercart init [--dir D]` does).
    ///
    /// A missing file is written. An existing file that differs from the
    /// shipped text was edited by the merchant: it is kept unless
    /// `overwrite`. `.env.example` is always replaced (it holds no values).
    public func install(into directory: URL, overwrite: Bool = false) throws(InstallError) -> Installation {
        let configFolder = directory.appendingPathComponent("config", isDirectory: true)
        let configFile = configFolder.appendingPathComponent("aftercart.toml")
        let environmentFile = directory.appendingPathComponent(".env.example")
        var files = [
            try Self.write(toml, to: configFile, overwrite: overwrite),
            try Self.write(environmentExample, to: environmentFile, overwrite: true),
        ]
        files += try Self.installShippedFiles(into: configFolder, overwrite: overwrite)
        return Installation(configFile: configFile, environmentFile: environmentFile, files: files)
    }

    /// Writes every ``ShippedFiles`` file under `configFolder`
    /// (`campaigns/…`, `templates/…`), keeping edited ones unless `overwrite`.
    public static func installShippedFiles(into configFolder: URL, overwrite: Bool) throws(InstallError)
        -> [InstalledFile]
    {
        var files: [InstalledFile] = []
        for shipped in ShippedFiles.editable {
            files.append(
                try write(shipped.text, to: configFolder.appendingPathComponent(shipped.path), overwrite: overwrite))
        }
        return files
    }

    private static func write(_ text: String, to file: URL, overwrite: Bool) throws(InstallError) -> InstalledFile {
        let wanted = Data(text.utf8)
        if let existing = FileManager.default.contents(atPath: file.path) {
            if existing == wanted { return InstalledFile(url: file, outcome: .unchanged) }
            if !overwrite { return InstalledFile(url: file, outcome: .kept) }
        }
        do {
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try wanted.write(to: file, options: .atomic)
        } catch {
            throw .writeFailed(file.path, reason: error.localizedDescription)
        }
        return InstalledFile(url: file, outcome: .written)
    }
}
