import AftercartConfig
import Mustache

/// The small page a person sees at an unsubscribe link, in the store's
/// locale: every word from its strings table (`unsubscribe_page.*`), the
/// page itself a Mustache template, which escapes what it inserts (the
/// address comes from the link), its button posting back to the same link.
enum UnsubscribePage {
    /// Parsed once: a fixed text, so a failure is a bug every test would show.
    /// Inline CSS and no script: the page must work in any mail client's
    /// browser, on a phone, without loading anything from elsewhere.
    private static let template = try! MustacheTemplate(
        string: """
            <!doctype html>
            <html lang="{{locale}}"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex"><title>{{title}}{{#shop}} – {{shop}}{{/shop}}</title>
            <style>
            body{margin:0;padding:0 .75rem;background:#f5f5f4;color:#1c1917;font:16px/1.7 system-ui,-apple-system,"Hiragino Sans","Noto Sans CJK JP",sans-serif}
            main{max-width:32rem;margin:2rem auto;padding:1.5rem;background:#fff;border-radius:12px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
            header{font-weight:600;color:#57534e;border-bottom:1px solid #e7e5e4;padding-bottom:.75rem;margin-bottom:1rem}
            h1{font-size:1.25rem;margin:0 0 .75rem}
            button{font:inherit;font-weight:600;color:#fff;background:#1c1917;border:0;border-radius:8px;padding:.75rem 1.5rem;width:100%;cursor:pointer}
            #done{font-weight:600}
            .note{font-size:.875rem;color:#57534e}
            </style></head>
            <body><main>
            {{#shop}}<header>{{shop}}</header>{{/shop}}
            {{#invalid}}<h1>{{invalid}}</h1>{{/invalid}}
            {{^invalid}}<h1>{{title}}</h1>
            {{#question}}<p>{{question}}</p>
            <form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click">
            <button type="submit">{{button}}</button></form>{{/question}}
            {{#done}}<p id="done">{{done}}</p>{{/done}}
            <p class="note">{{note}}</p>
            {{#contact}}<p class="note">{{contact}}</p>{{/contact}}{{/invalid}}
            </main></body></html>

            """)

    static func html(_ answer: UnsubscribeEndpoint.Answer, fallbackLocale: String) -> String {
        let strings: LocaleStrings
        var values: [String: Any] = [:]
        switch answer {
        case .confirm(let shop, let email):
            strings = .shipped(shop.locale)
            values["question"] = strings.text("unsubscribe_page.question", ["email": email, "shop": shop.name])
            values["button"] = strings.text("unsubscribe_page.button")
            values.merge(Self.shopValues(shop, strings)) { _, new in new }
        case .done(let shop, let email):
            strings = .shipped(shop.locale)
            values["done"] = strings.text("unsubscribe_page.done", ["email": email, "shop": shop.name])
            values.merge(Self.shopValues(shop, strings)) { _, new in new }
        case .notFound:
            strings = .shipped(fallbackLocale)
            values["invalid"] = strings.text("unsubscribe_page.not_found")
        }
        values["locale"] = strings.locale
        values["title"] = strings.text("unsubscribe_page.title")
        values["note"] = strings.text("unsubscribe_page.note")
        return template.render(values)
    }

    /// The shop's name for the header and its contact line, when it has one.
    private static func shopValues(_ shop: UnsubscribeShop, _ strings: LocaleStrings) -> [String: Any] {
        var values: [String: Any] = ["shop": shop.name]
        if let contact = shop.contact {
            values["contact"] = strings.text("unsubscribe_page.contact", ["contact": contact])
        }
        return values
    }

    /// The locale for a visitor whose link says nothing: Japanese when the
    /// browser asks for it first, else English.
    static func locale(acceptLanguage: String?) -> String {
        let first = acceptLanguage?.split(separator: ",").first?.trimmingCharacters(in: .whitespaces).lowercased()
        return first?.hasPrefix("ja") == true ? MessageLocale.japanese : MessageLocale.english
    }
}
