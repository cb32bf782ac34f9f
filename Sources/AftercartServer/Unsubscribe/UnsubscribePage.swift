import AftercartConfig
import Mustache

/// The small page a person sees at an unsubscribe link, in the store's
/// locale: every word from its strings table (`unsubscribe_page.*`), the
/// page itself a Mustache template, which escapes what it inserts (the
/// address comes from the link), its button posting back to the same link.
enum UnsubscribePage {
    /// Parsed once: a fixed text, so a failure is a bug every test would show.
    private static let template = try! MustacheTemplate(
        string: """
            <!doctype html>
            <html lang="{{locale}}"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex"><title>{{title}}</title></head>
            <body>
            {{#invalid}}<h1>{{invalid}}</h1>{{/invalid}}
            {{^invalid}}<h1>{{title}}</h1>
            {{#question}}<p>{{question}}</p>
            <form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click">
            <button type="submit">{{button}}</button></form>{{/question}}
            {{#done}}<p id="done">{{done}}</p>{{/done}}
            <p>{{note}}</p>{{/invalid}}
            </body></html>

            """)

    static func html(_ answer: UnsubscribeEndpoint.Answer, fallbackLocale: String) -> String {
        let strings: LocaleStrings
        var values: [String: Any] = [:]
        switch answer {
        case .confirm(let locale, let email):
            strings = .shipped(locale)
            values["question"] = strings.text("unsubscribe_page.question", ["email": email])
            values["button"] = strings.text("unsubscribe_page.button")
        case .done(let locale, let email):
            strings = .shipped(locale)
            values["done"] = strings.text("unsubscribe_page.done", ["email": email])
        case .notFound:
            strings = .shipped(fallbackLocale)
            values["invalid"] = strings.text("unsubscribe_page.not_found")
        }
        values["locale"] = strings.locale
        values["title"] = strings.text("unsubscribe_page.title")
        values["note"] = strings.text("unsubscribe_page.note")
        return template.render(values)
    }

    /// The locale for a visitor whose link says nothing: Japanese when the
    /// browser asks for it first, else English.
    static func locale(acceptLanguage: String?) -> String {
        let first = acceptLanguage?.split(separator: ",").first?.trimmingCharacters(in: .whitespaces).lowercased()
        return first?.hasPrefix("ja") == true ? MessageLocale.japanese : MessageLocale.english
    }
}
