public import AftercartConfig
import Foundation

extension TemplateLibrary {
    /// The template errors `check` reports: every template a campaign names
    /// that has at least one of its files in the templates folder, or in
    /// the folder of a locale a store uses (`templates/ja-JP/`), but does
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
            let root = configuration.templatesDirectory
            let folders =
                [root]
                + locales(of: configuration).filter { $0 != MessageLocale.english }.map {
                    root.appendingPathComponent($0, isDirectory: true)
                }
            return error.errors.filter { problem in
                folders.contains { MessageTemplate.hasFiles(problem.template, in: $0) }
            }
        }
    }
}
