import AftercartConfig
import ArgumentParser
import Foundation

/// `aftercart init`: a commented config to start from, with the default
/// campaigns and templates to edit.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract:
            "Write config/aftercart.toml from the commented example, a .env.example, and the default campaigns and templates.",
        discussion: """
            Missing files are written; a file you edited is kept (and named) unless --force replaces it. \
            Exit codes: 0 written, 1 a file could not be written.
            """
    )

    @Option(name: .long, help: ArgumentHelp("Folder to write into.", valueName: "dir"))
    var dir: String = "."

    @Flag(name: .long, help: "Replace files that differ from the shipped ones (config, campaigns, templates).")
    var force = false

    func run() async throws {
        let installation: ExampleConfiguration.Installation
        do {
            installation = try ExampleConfiguration(platforms: Platforms.settings).install(
                into: URL(fileURLWithPath: dir, isDirectory: true), overwrite: force)
        } catch {
            ConsoleReport.error(error.description)
            throw ExitCode.failure
        }
        for line in Self.lines(installation) { print(line) }
        print("next: set the variables named in .env.example, edit the stores, then run 'aftercart check'")
    }

    /// The config and `.env.example` by name; campaigns and templates
    /// counted per folder, except kept files, each named so nobody wonders
    /// why an edit survived.
    static func lines(_ installation: ExampleConfiguration.Installation) -> [String] {
        var lines: [String] = []
        var written: [String: Int] = [:]
        var folders: [String] = []
        for file in installation.files {
            let folder = file.url.deletingLastPathComponent()
            let shipped = file.url != installation.configFile && file.url != installation.environmentFile
            switch file.outcome {
            case .kept:
                lines.append("kept \(file.url.path) (it differs from the shipped file; --force replaces it)")
            case .written where !shipped:
                lines.append("wrote \(file.url.path)")
            case .unchanged where !shipped:
                lines.append("unchanged \(file.url.path)")
            case .written:
                if written[folder.path] == nil { folders.append(folder.path) }
                written[folder.path, default: 0] += 1
            case .unchanged:
                break
            }
        }
        for folder in folders {
            let count = written[folder] ?? 0
            lines.append("wrote \(count) file\(count == 1 ? "" : "s") in \(folder)/")
        }
        return lines
    }
}
