public import AftercartConfig
import Foundation

/// The compiled templates every configured campaign needs, per locale.
public struct TemplateLibrary: Sendable {
    /// Locale → template name → template.
    private var templates: [String: [String: MessageTemplate]]
    /// The locale ``template(named:)`` answers in.
    public private(set) var locale: String = MessageLocale.english

    /// A library of already compiled English templates.
    public init(_ templates: [MessageTemplate]) {
        self.init(byLocale: [MessageLocale.english: templates])
    }

    /// A library of already compiled templates by locale.
    public init(byLocale: [String: [MessageTemplate]]) {
        templates = byLocale.mapValues { list in Dictionary(list.map { ($0.name, $0) }) { first, _ in first } }
    }

    /// Loads every template the campaigns of `configuration` name (plus the
    /// planner's own `loyalty-invitation` when a `review_posted` campaign
    /// needs it, and `support-alert` for any customer campaign's alerts), in English and in every
    /// other locale a store uses (``MessageTemplate/load(name:folder:locale:)``).
    ///
    /// - Throws: every ``TemplateError`` found, so `check` can list them all.
    public static func load(for configuration: AftercartConfiguration) throws(TemplateErrors) -> TemplateLibrary {
        var names = Set(configuration.campaigns.filter(\.enabled).map(\.template))
        if configuration.campaigns.contains(where: {
            $0.enabled && $0.trigger == .reviewPosted && $0.audience == .customer
        }) {
            names.insert(ReviewSteps.invitationTemplate)
        }
        // Any customer campaign may raise an alert (a bad review, a failed delivery).
        if configuration.campaigns.contains(where: { $0.enabled && $0.audience == .customer }) {
            names.insert(ReviewSteps.supportAlertTemplate)
        }
        var loaded: [String: [MessageTemplate]] = [:]
        var errors: [TemplateError] = []
        for locale in locales(of: configuration) {
            for name in names.sorted() {
                do {
                    let template = try MessageTemplate.load(
                        name: name, folder: configuration.templatesDirectory, locale: locale)
                    if let template { loaded[locale, default: []].append(template) }
                } catch {
                    errors.append(error)
                }
            }
        }
        guard errors.isEmpty else { throw TemplateErrors(errors: errors) }
        return TemplateLibrary(byLocale: loaded)
    }

    /// English, which every other locale falls back to, then the stores' locales.
    static func locales(of configuration: AftercartConfiguration) -> [String] {
        let others = Set(configuration.stores.map(\.locale)).subtracting([MessageLocale.english])
        return [MessageLocale.english] + others.sorted()
    }

    /// This library answering in `locale`.
    public func inLocale(_ locale: String) -> TemplateLibrary {
        var library = self
        library.locale = locale
        return library
    }

    /// Whether template `name` links to a review form in any loaded locale
    /// (``ReviewRequestRule``): its campaign is then a review request.
    public func linksToReviews(_ name: String) -> Bool {
        templates.values.contains { !($0[name]?.partsLinkingToReviews.isEmpty ?? true) }
    }

    /// The template called `name` in the library's locale, else the
    /// English one, if loaded.
    public func template(named name: String) -> MessageTemplate? {
        templates[locale]?[name] ?? templates[MessageLocale.english]?[name]
    }
}

/// Every template problem found at once.
public struct TemplateErrors: Error, Sendable, CustomStringConvertible {
    /// The problems, by template name.
    public var errors: [TemplateError]

    /// Creates the list.
    public init(errors: [TemplateError]) { self.errors = errors }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
