import AftercartConfig
import Mustache

/// The page a merchant sees at the end of an app install (or when it is
/// refused), in the browser's language: every word from the strings table
/// (`install_page.*`), the shop's name escaped by the template.
enum InstallPage {
    /// Parsed once: a fixed text, so a failure is a bug every test would show.
    private static let template = try! MustacheTemplate(
        string: """
            <!doctype html>
            <html lang="{{locale}}"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex"><title>{{title}}</title>
            <style>
            body{margin:0;padding:0 .75rem;background:#f5f5f4;color:#1c1917;font:16px/1.7 system-ui,-apple-system,"Hiragino Sans","Noto Sans CJK JP",sans-serif}
            main{max-width:32rem;margin:2rem auto;padding:1.5rem;background:#fff;border-radius:12px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
            h1{font-size:1.25rem;margin:0 0 .75rem}
            .note{font-size:.875rem;color:#57534e}
            </style></head>
            <body><main>
            <h1>{{heading}}</h1>
            <p class="note">{{note}}</p>
            </main></body></html>

            """)

    static func html(_ answer: AppInstallEndpoint.Answer, locale: String) -> String {
        let strings = LocaleStrings.shipped(locale)
        var values: [String: Any] = ["locale": strings.locale, "title": strings.text("install_page.title")]
        switch answer {
        case .connected(let shop):
            values["heading"] = strings.text("install_page.connected", ["shop": shop])
            values["note"] = strings.text("install_page.connected_note")
        case .refused(let refusal):
            values["heading"] = strings.text("install_page.refused")
            values["note"] = strings.text("install_page.\(refusal.rawValue)")
        case .notFound, .redirect:
            values["heading"] = strings.text("install_page.not_found")
            values["note"] = strings.text("install_page.not_found_note")
        }
        return template.render(values)
    }
}
