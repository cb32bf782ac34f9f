public import AftercartConfig
import Foundation

extension TemplateLibrary {
    /// The template errors `check` reports: every template a campaign names
    /// that has at least one of its files in the templates folder but does
    /// not compile (syntax, not UTF-8, a part missing), with name and line.
    ///
    /// A template with none of its files present is not reported here: it
    /// is either shipped (``MessageTemplate/load(name:folder:)`` falls back
    /// to it) or unknown, which the config loader already reports as an
    /// error with the nearest name.
    public static func problems(for configuration: AftercartConfiguration) -> [TemplateError] {
        do {
            _ = try load(for: configuration)
            return []
        } catch {
            let folder = configuration.templatesDirectory
            return error.errors.filter { problem in
                MessageTemplate.parts.contains { part in
                    FileManager.default.fileExists(
                        atPath: folder.appendingPathComponent("\(problem.template).\(part).mustache").path)
                }
            }
        }
    }
}
