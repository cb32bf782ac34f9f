import AftercartConfig
import Mustache

/// What a link that is not (or no longer) an order's page shows: one
/// sentence in the visitor's language, the same whether the token was
/// forged, altered, cut, or names an order the store no longer has, so it
/// tells nobody which.
public enum OrderPageNotFound {
    private static let template = try! MustacheTemplate(
        string: """
            <!doctype html>
            <html lang="{{lang}}"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex"><title>{{title}}</title>
            <style>body{margin:0;padding:2rem .75rem;background:#f5f5f4;color:#1c1917;font:16px/1.7 system-ui,sans-serif}
            main{max-width:32rem;margin:0 auto;padding:1.5rem;background:#fff;border-radius:12px}</style></head>
            <body><main><h1>{{title}}</h1><p>{{text}}</p></main></body></html>

            """)

    /// The page in `locale` (`ja-JP`, `en-US`; others read English).
    public static func html(locale: String) -> String {
        let strings = LocaleStrings.shipped(locale)
        return template.render([
            "lang": strings.locale, "title": strings.text("order_page.not_found_title"),
            "text": strings.text("order_page.not_found"),
        ])
    }
}
