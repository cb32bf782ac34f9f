import Foundation
import Testing

@testable import AftercartConfig

/// The campaigns and templates built into the binary are the repository's
/// `config/campaigns/` and `config/templates/`, and a campaign's template
/// is a file or a built-in one, never a name that resolves to nothing.
@Suite struct ShippedFilesTests {
    func load(_ campaigns: String, directory: URL = URL(fileURLWithPath: "/nonexistent")) -> Result<
        AftercartConfiguration, ConfigurationError
    > {
        Result { () throws(ConfigurationError) in
            try AftercartConfiguration.parse(
                wooStore + "\n" + campaigns, file: "config/aftercart.toml", directory: directory,
                platforms: .shipped, loadCampaignFiles: false)
        }
    }

    @Test func theBuiltInFilesAreTheRepositoryFoldersByteForByte() throws {
        var repository: [String: Data] = [:]
        for folder in ["campaigns", "templates", "templates/ja-JP", "locales"] {
            let url = repositoryRoot.appendingPathComponent("config/\(folder)")
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path) where !name.hasPrefix(".") {
                var isFolder: ObjCBool = false
                let file = url.appendingPathComponent(name)
                _ = FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder)
                if !isFolder.boolValue { repository["\(folder)/\(name)"] = try Data(contentsOf: file) }
            }
        }
        let shipped = Dictionary(uniqueKeysWithValues: ShippedFiles.all.map { ($0.path, Data($0.text.utf8)) })
        #expect(Set(shipped.keys) == Set(repository.keys), "add a new file of config/ to ShippedFiles.all")
        for (path, data) in repository { #expect(shipped[path] == data, "\(path) differs from the built-in copy") }
        #expect(ShippedFiles.templateNames.contains("review-request"))
        #expect(ShippedFiles.template(named: "review-request")?.keys.sorted() == ["html", "subject", "text"])
        #expect(ShippedFiles.template(named: "review") == nil)
        // Every English template has a Japanese one, and no locale folder
        // passes for a template name.
        for name in ShippedFiles.templateNames {
            #expect(ShippedFiles.template(named: name, locale: "ja-JP")?.keys.sorted() == ["html", "subject", "text"])
        }
        #expect(!ShippedFiles.templateNames.contains { $0.contains("/") || $0 == "ja-JP" })
    }

    @Test func aMisspeltTemplateIsAnErrorWithTheNearestName() throws {
        let outcome = load(
            """
            [[campaigns]]
            name = "review-request"
            trigger = "delivered"
            template = "reveiw-request"
            """)
        guard case .failure(let error) = outcome else {
            Issue.record("a template that exists nowhere loaded")
            return
        }
        let problem = try #require(error.problems.first)
        #expect(error.problems.count == 1)
        #expect(problem.line == 11)
        #expect(problem.message.contains("neither a file in"))
        #expect(problem.message.contains("did you mean \"review-request\"?"))
        #expect(problem.example == "template = \"review-request\"")
    }

    @Test func aBuiltInTemplateWithoutAFileLoadsWithAWarning() throws {
        let configuration = try load(
            """
            [[campaigns]]
            name = "review-request"
            trigger = "delivered"
            template = "review-request"
            """
        ).get()
        let warning = try #require(configuration.warnings.first { $0.message.contains("built-in template") })
        #expect(warning.severity == .warning)
        #expect(warning.message.contains("aftercart init"))
    }

    @Test func aLocaleFolderIsNoTemplate() throws {
        let folder = try TemporaryFolder()
        try folder.write("config/templates/ja-JP/win-back.subject.mustache", "x")
        let outcome = load(
            """
            [[campaigns]]
            name = "japanese"
            trigger = "order_placed"
            template = "ja-JP"
            """, directory: folder.url.appendingPathComponent("config"))
        guard case .failure(let error) = outcome else {
            Issue.record("a locale folder passed for a template")
            return
        }
        #expect(error.problems.first?.message.contains("neither a file in") == true)
    }

    @Test func aTemplateFileBesideTheConfigNeedsNoBuiltIn() throws {
        let folder = try TemporaryFolder()
        for part in ["subject", "text", "html"] { try folder.write("config/templates/own.\(part).mustache", "x") }
        let configuration = try load(
            """
            [[campaigns]]
            name = "own"
            trigger = "order_placed"
            template = "own"
            """, directory: folder.url.appendingPathComponent("config")
        ).get()
        #expect(!configuration.warnings.contains { $0.message.contains("template") })
    }
}
