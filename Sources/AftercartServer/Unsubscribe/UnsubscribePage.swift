import AftercartConfig

/// The small page a person sees at an unsubscribe link, in the store's
/// locale: every word from its strings table (`unsubscribe_page.*`), the
/// address escaped, a form whose button posts back to the same link.
enum UnsubscribePage {
    static func html(_ answer: UnsubscribeEndpoint.Answer, fallbackLocale: String) -> String {
        let locale: String
        let body: String
        switch answer {
        case .confirm(let storeLocale, let email):
            locale = storeLocale
            let strings = LocaleStrings.shipped(locale)
            body = """
                <h1>\(escape(strings.text("unsubscribe_page.title")))</h1>
                <p>\(escape(strings.text("unsubscribe_page.question", ["email": email])))</p>
                <p>\(escape(strings.text("unsubscribe_page.note")))</p>
                <form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click">
                <button type="submit">\(escape(strings.text("unsubscribe_page.button")))</button></form>
                """
        case .done(let storeLocale, let email):
            locale = storeLocale
            let strings = LocaleStrings.shipped(locale)
            body = """
                <h1>\(escape(strings.text("unsubscribe_page.title")))</h1>
                <p id="done">\(escape(strings.text("unsubscribe_page.done", ["email": email])))</p>
                <p>\(escape(strings.text("unsubscribe_page.note")))</p>
                """
        case .notFound:
            locale = fallbackLocale
            let strings = LocaleStrings.shipped(locale)
            body = "<h1>\(escape(strings.text("unsubscribe_page.not_found")))</h1>"
        }
        let title = escape(LocaleStrings.shipped(locale).text("unsubscribe_page.title"))
        return """
            <!doctype html>
            <html lang="\(escape(locale))"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex"><title>\(title)</title></head>
            <body>\(body)</body></html>

            """
    }

    /// The locale for a visitor whose link says nothing: Japanese when the
    /// browser asks for it first, else English.
    static func locale(acceptLanguage: String?) -> String {
        let first = acceptLanguage?.split(separator: ",").first?.trimmingCharacters(in: .whitespaces).lowercased()
        return first?.hasPrefix("ja") == true ? MessageLocale.japanese : MessageLocale.english
    }

    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
