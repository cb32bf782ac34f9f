import AftercartConfig
import ArgumentParser
import Foundation

/// `aftercart init`: a commented config to start from.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write config/aftercart.toml from the commented example, and a .env.example."
    )

    @Option(name: .long, help: ArgumentHelp("Folder to write into.", valueName: "dir"))
    var dir: String = "."

    @Flag(name: .long, help: "Replace an existing config/aftercart.toml.")
    var force = false

    func run() async throws {
        do {
            let written = try ExampleConfiguration(platforms: Platforms.settings).install(
                into: URL(fileURLWithPath: dir, isDirectory: true), overwrite: force)
            print("wrote \(written.configFile.path)")
            print("wrote \(written.environmentFile.path)")
            print("next: set the variables named in .env.example, edit the stores, then run 'aftercart check'")
        } catch {
            ConsoleReport.error(error.description)
            throw ExitCode.failure
        }
    }
}
