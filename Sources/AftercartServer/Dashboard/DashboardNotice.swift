import AftercartConfig
import Mustache

/// The short page `/dashboard` answers instead of figures: sign in (401),
/// no such store (404), a bad date (400), a report that failed (500).
/// Nothing of any store's figures is on it.
enum DashboardNotice {
    /// Parsed once: a fixed text, so a failure is a bug every test would show.
    private static let template = try! MustacheTemplate(
        string: """
            <!doctype html>
            <html lang="{{lang}}"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex"><title>{{title}}</title>
            <style>\(DashboardStyle.css)</style></head>
            <body><main><section><h1>{{title}}</h1><p>{{message}}</p>{{#back}}<p><a href="/dashboard">{{back}}</a></p>{{/back}}</section></main></body></html>

            """)

    /// The page saying `dashboard.<key>` in `locale`; `linkBack` offers the first store's dashboard.
    static func html(_ key: String, locale: String, linkBack: Bool = false) -> String {
        let strings = LocaleStrings.shipped(locale)
        var values: [String: Any] = [
            "lang": strings.locale, "title": strings.text("dashboard.title"),
            "message": strings.text("dashboard." + key),
        ]
        if linkBack { values["back"] = strings.text("dashboard.heading") }
        return template.render(values)
    }
}
