public import AftercartConfig
public import Foundation

/// The compiled templates every configured campaign needs.
public struct TemplateLibrary: Sendable {
    private var templates: [String: MessageTemplate]

    /// A library of already compiled templates.
    public init(_ templates: [MessageTemplate]) {
        self.templates = Dictionary(templates.map { ($0.name, $0) }) { first, _ in first }
    }

    /// Loads every template the campaigns of `configuration` name (plus the
    /// planner's own `loyalty-invitation` and `support-alert` when a
    /// `review_posted` campaign needs them) from its templates folder, or
    /// the shipped template of that name when the folder has none of its files.
    ///
    /// - Throws: every ``TemplateError`` found, so `check` can list them all.
    public static func load(for configuration: AftercartConfiguration) throws(TemplateErrors) -> TemplateLibrary {
        var names = Set(configuration.campaigns.filter(\.enabled).map(\.template))
        if configuration.campaigns.contains(where: {
            $0.enabled && $0.trigger == .reviewPosted && $0.audience == .customer
        }) {
            names.insert(ReviewSteps.invitationTemplate)
        }
        var loaded: [MessageTemplate] = []
        var errors: [TemplateError] = []
        for name in names.sorted() {
            do {
                loaded.append(try MessageTemplate.load(name: name, folder: configuration.templatesDirectory))
            } catch {
                errors.append(error)
            }
        }
        guard errors.isEmpty else { throw TemplateErrors(errors: errors) }
        return TemplateLibrary(loaded)
    }

    /// The template called `name`, if loaded.
    public func template(named name: String) -> MessageTemplate? { templates[name] }
}

/// Every template problem found at once.
public struct TemplateErrors: Error, Sendable, CustomStringConvertible {
    /// The problems, by template name.
    public var errors: [TemplateError]

    /// Creates the list.
    public init(errors: [TemplateError]) { self.errors = errors }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
