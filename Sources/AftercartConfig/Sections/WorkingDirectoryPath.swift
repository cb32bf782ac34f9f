public import Foundation

/// A folder a config key names relative to the working directory unless it
/// is absolute (`[delivery] file_dir`, `[server] privacy_dir`).
public enum WorkingDirectoryPath {
    /// `path` as a folder URL: itself when absolute, else under `workingDirectory`.
    public static func resolve(_ path: String, in workingDirectory: URL) -> URL {
        path.hasPrefix("/")
            ? URL(fileURLWithPath: path, isDirectory: true)
            : workingDirectory.appendingPathComponent(path, isDirectory: true)
    }
}
