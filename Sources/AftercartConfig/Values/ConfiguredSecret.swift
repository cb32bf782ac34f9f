public import AftercartModel
public import Foundation

/// A credential as the config names it: inline (discouraged), an
/// environment variable, or a file next to the config.
///
/// Loading the config checks the reference (and a secret file's presence
/// and permissions); the value itself is read by ``resolve(environment:)``,
/// so `aftercart check` can validate a freshly copied example whose
/// variables are not set yet, and a missing variable is still reported with
/// the line that names it.
public struct ConfiguredSecret: Sendable, Hashable, CustomStringConvertible {
    /// Where the value comes from.
    public enum Source: Sendable, Hashable {
        /// Written in the config itself (accepted with a warning).
        case inline(Secret)
        /// `{ env = "NAME" }`.
        case environment(String)
        /// `{ file = "path" }`; `url` is resolved against the config's folder,
        /// `displayPath` is how messages name it.
        case file(url: URL, displayPath: String)
    }

    /// Where the value comes from.
    public var source: Source
    /// The config file and line that name this secret.
    public var file: String
    /// 1-based line of the key.
    public var line: Int?
    /// The key's path, e.g. `stores[0].consumer_key`.
    public var keyPath: String

    /// Creates a reference; normally the loader does this.
    public init(source: Source, file: String, line: Int?, keyPath: String) {
        self.source = source
        self.file = file
        self.line = line
        self.keyPath = keyPath
    }

    /// Shows where the secret comes from, never its value.
    public var description: String {
        switch source {
        case .inline: "<redacted inline secret>"
        case .environment(let name): "{ env = \"\(name)\" }"
        case .file(_, let displayPath): "{ file = \"\(displayPath)\" }"
        }
    }

    /// Reads the value.
    ///
    /// - Parameter environment: the variables to read `{ env = … }` from;
    ///   tests pass their own instead of mutating the process's.
    /// - Throws: a ``ConfigurationError`` whose one problem names this
    ///   secret's file and line: variable unset or empty, file missing,
    ///   unreadable, readable by group or others, or empty.
    public func resolve(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ConfigurationError) -> Secret {
        switch read(environment: environment) {
        case .value(let secret): return secret
        case .problem(let problem): throw ConfigurationError(problems: [problem])
        }
    }

    /// The problem ``resolve(environment:)`` would throw, or `nil`.
    public func resolutionProblem(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> ConfigurationProblem? {
        if case .problem(let problem) = read(environment: environment) { return problem }
        return nil
    }

    private func problem(_ message: String, example: String?) -> ConfigurationProblem {
        ConfigurationProblem(file: file, line: line, message: "\(keyPath): \(message)", example: example)
    }

    private enum Outcome {
        case value(Secret)
        case problem(ConfigurationProblem)
    }

    private func read(environment: [String: String]) -> Outcome {
        switch source {
        case .inline(let secret):
            return .value(secret)
        case .environment(let name):
            guard let value = environment[name] else {
                return .problem(
                    problem(
                        "environment variable \(name) is not set.", example: "export \(name)='…'  (see .env.example)"))
            }
            guard !value.isEmpty else {
                return .problem(
                    problem("environment variable \(name) is set but empty.", example: "export \(name)='…'"))
            }
            return .value(Secret(value))
        case .file(let url, let displayPath):
            if let failure = SecretFileCheck.problem(url: url, displayPath: displayPath) {
                return .problem(problem(failure.message, example: failure.example))
            }
            guard let data = FileManager.default.contents(atPath: url.path) else {
                return .problem(
                    problem("secret file \(displayPath) cannot be read.", example: "chmod 600 \(displayPath)"))
            }
            // Editors and `echo` add a final newline that is never part of a token.
            let value = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard !value.isEmpty else {
                return .problem(problem("secret file \(displayPath) is empty.", example: nil))
            }
            return .value(Secret(value))
        }
    }
}

/// The checks a secret file must pass before it is read: it exists, is a
/// regular file, and only its owner may read it.
enum SecretFileCheck {
    struct Failure {
        var message: String
        var example: String?
    }

    static func problem(url: URL, displayPath: String) -> Failure? {
        // Check the file a symlink points to: that is whose mode matters.
        let target = url.resolvingSymlinksInPath().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) else {
            return Failure(
                message: "secret file \(displayPath) does not exist.",
                example: "printf '%s' \"$TOKEN\" > \(displayPath) && chmod 600 \(displayPath)")
        }
        guard !isDirectory.boolValue else {
            return Failure(message: "secret file \(displayPath) is a directory.", example: nil)
        }
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: target),
            let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue
        else {
            return Failure(message: "secret file \(displayPath) cannot be inspected.", example: nil)
        }
        if mode & 0o077 != 0 {
            return Failure(
                message:
                    "secret file \(displayPath) is readable by group or others (mode \(String(mode & 0o777, radix: 8))); refused. Run: chmod 600 \(displayPath)",
                example: "chmod 600 \(displayPath)")
        }
        return nil
    }
}
