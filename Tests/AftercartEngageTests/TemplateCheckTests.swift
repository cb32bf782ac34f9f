import AftercartConfig
import Foundation
import Testing

@testable import AftercartEngage

/// What `check` reports about templates: real errors with name and line,
/// nothing for templates that are simply not installed (the built-in ones
/// stand in).
@Suite struct TemplateCheckTests {
    typealias F = EngageFixture

    @Test func theRepositoryTemplatesHaveNoProblems() async throws {
        let fixture = try await F.make()
        defer { Task { [fixture] in await fixture.remove() } }
        #expect(TemplateLibrary.problems(for: fixture.configuration).isEmpty)
    }

    @Test func aSyntaxErrorIsReportedWithTemplateNameAndLine() async throws {
        let fixture = try await F.make()
        defer { Task { [fixture] in await fixture.remove() } }
        let file = fixture.configuration.templatesDirectory.appendingPathComponent(
            "order-confirmation.text.mustache")
        try "Hello {{customer.first_name}}\nline two\n{{#order}}never closed\n".write(
            to: file, atomically: true, encoding: .utf8)
        let problems = TemplateLibrary.problems(for: fixture.configuration)
        #expect(problems.map(\.template) == ["order-confirmation"])
        #expect(problems.first?.line != nil)
        #expect(problems.first?.file == file.path)
    }

    @Test func aMissingPartOfAnInstalledTemplateIsReported() async throws {
        let fixture = try await F.make()
        defer { Task { [fixture] in await fixture.remove() } }
        try FileManager.default.removeItem(
            at: fixture.configuration.templatesDirectory.appendingPathComponent("review-request.html.mustache"))
        let problems = TemplateLibrary.problems(for: fixture.configuration)
        #expect(problems.map(\.template) == ["review-request"])
        #expect(problems.first?.message.contains("missing") == true)
    }

    @Test func aConfigWithoutATemplatesFolderPlansWithTheBuiltInTemplates() async throws {
        let fixture = try await F.make()
        defer { Task { [fixture] in await fixture.remove() } }
        try FileManager.default.removeItem(at: fixture.configuration.templatesDirectory)
        #expect(TemplateLibrary.problems(for: fixture.configuration).isEmpty)
        let library = try TemplateLibrary.load(for: fixture.configuration)
        for campaign in fixture.configuration.campaigns {
            #expect(library.template(named: campaign.template) != nil, "\(campaign.template)")
        }
        // A name that is not built in still refuses to plan.
        var configuration = fixture.configuration
        configuration.campaigns[0].template = "no-such-template"
        #expect(throws: TemplateErrors.self) { _ = try TemplateLibrary.load(for: configuration) }
    }
}
