import Foundation
import Testing

/// A new user's first commands, each in a fresh folder outside the
/// repository: `init` writes the campaigns and templates the config names,
/// so `check` and `plan --dry-run` agree, templates fall back to the
/// built-in ones, and `demo` needs no repository around it.
@Suite struct FirstStepsTests {
    @Test func initThenCheckAndPlanDryRunSucceed() async throws {
        let cli = try CLIProcess()
        defer { cli.remove() }
        let initialized = try await cli.run(["init"])
        #expect(initialized.status == 0, "\(initialized.stderr)")
        #expect(initialized.stdout.contains("wrote 5 files in "), "\(initialized.stdout)")
        #expect(initialized.stdout.contains("wrote 27 files in "), "\(initialized.stdout)")
        for file in ["config/campaigns/win-back.toml", "config/templates/review-request.html.mustache"] {
            #expect(FileManager.default.fileExists(atPath: cli.directory.appendingPathComponent(file).path), "\(file)")
        }

        let check = try await cli.run(["check", "--offline"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("config/aftercart.toml: valid (2 stores, 7 campaigns"), "\(check.stdout)")
        #expect(!check.stderr.contains("template"), "\(check.stderr)")

        let plan = try await cli.run(["plan", "--dry-run"])
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(plan.stdout.contains("tokyo-woo") && plan.stdout.contains("would plan"), "\(plan.stdout)")
    }

    @Test func withoutTemplateFilesTheBuiltInOnesAreUsed() async throws {
        let cli = try CLIProcess()
        defer { cli.remove() }
        #expect(try await cli.run(["init"]).status == 0)
        try FileManager.default.removeItem(at: cli.directory.appendingPathComponent("config/templates"))

        let check = try await cli.run(["check", "--offline"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr.contains("the built-in template of that name is used"), "\(check.stderr)")
        let plan = try await cli.run(["plan", "--dry-run"])
        #expect(plan.status == 0, "\(plan.stderr)")
    }

    @Test func initKeepsAnEditedTemplateUnlessForced() async throws {
        let cli = try CLIProcess()
        defer { cli.remove() }
        #expect(try await cli.run(["init"]).status == 0)
        let template = cli.directory.appendingPathComponent("config/templates/win-back.subject.mustache")
        try cli.write("We miss you, {{customer.first_name}}\n", to: "config/templates/win-back.subject.mustache")

        let again = try await cli.run(["init"])
        #expect(again.status == 0, "\(again.stderr)")
        let kept = again.stdout.split(separator: "\n").filter { $0.hasPrefix("kept ") }
        #expect(kept.count == 1 && kept[0].contains("config/templates/win-back.subject.mustache"), "\(again.stdout)")
        #expect(try String(contentsOf: template, encoding: .utf8) == "We miss you, {{customer.first_name}}\n")

        let forced = try await cli.run(["init", "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(!forced.stdout.contains("kept"), "\(forced.stdout)")
        let shipped = PlanCommandTests.repository.appendingPathComponent("config/templates/win-back.subject.mustache")
        #expect(try Data(contentsOf: template) == Data(contentsOf: shipped))
    }

    @Test func demoRunsFromAFolderOutsideTheRepository() async throws {
        let cli = try CLIProcess()
        defer { cli.remove() }
        let demo = try await cli.run(["demo", "--orders", "20", "--dir", "demo"])
        #expect(demo.status == 0, "\(demo.stderr)")
        #expect(demo.stdout.contains("planning 7 campaigns"), "\(demo.stdout)")
        for file in ["demo/aftercart.toml", "demo/campaigns/win-back.toml", "demo/templates/win-back.text.mustache"] {
            #expect(FileManager.default.fileExists(atPath: cli.directory.appendingPathComponent(file).path), "\(file)")
        }
    }
}
