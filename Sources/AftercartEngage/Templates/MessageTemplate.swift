public import Foundation
import Mustache

/// One campaign template: subject, plain-text and HTML parts, compiled once.
///
/// Files in `config/templates/`: `NAME.subject.mustache`,
/// `NAME.text.mustache`, `NAME.html.mustache`. The subject and text parts
/// are rendered verbatim; every value in the HTML part is HTML-escaped
/// (`{{value}}`), and a subject never carries CR or LF, whatever a name holds.
public struct MessageTemplate: Sendable {
    /// The template's name as campaigns give it.
    public let name: String
    let subject: MustacheTemplate
    let text: MustacheTemplate
    let html: MustacheTemplate
    /// The parts (`subject`, `text`, `html`) whose source uses a review
    /// link variable (``ReviewLinkScan``): what makes a campaign a review request.
    public let partsLinkingToReviews: [String]

    /// The three parts of a message.
    public struct Rendered: Sendable, Hashable {
        /// One line, CR/LF stripped.
        public var subject: String
        /// The plain-text part.
        public var text: String
        /// The HTML part.
        public var html: String
    }

    /// The parts' file names.
    public static let parts = ["subject", "text", "html"]

    /// Compiles the parts of template `name` from `folder`.
    ///
    /// - Throws: ``TemplateError`` naming the file and line of the first problem.
    public init(name: String, folder: URL) throws(TemplateError) {
        self.name = name
        var compiled: [MustacheTemplate] = []
        var linking: [String] = []
        for part in Self.parts {
            let file = folder.appendingPathComponent("\(name).\(part).mustache")
            guard let data = FileManager.default.contents(atPath: file.path) else {
                throw TemplateError(
                    template: name, file: file.path, line: nil,
                    message:
                        "the file is missing; every template needs \(Self.parts.map { "\(name).\($0).mustache" }.joined(separator: ", "))"
                )
            }
            guard let source = String(data: data, encoding: .utf8) else {
                throw TemplateError(template: name, file: file.path, line: nil, message: "the file is not UTF-8 text")
            }
            compiled.append(try Self.compile(source, part: part, template: name, file: file.path))
            if ReviewLinkScan.usesReviewLink(source) { linking.append(part) }
        }
        partsLinkingToReviews = linking
        subject = compiled[0]
        text = compiled[1]
        html = compiled[2]
    }

    /// Compiles template parts given as text (tests, built-ins).
    public init(name: String, subject: String, text: String, html: String) throws(TemplateError) {
        self.name = name
        self.subject = try Self.compile(subject, part: "subject", template: name, file: "\(name).subject.mustache")
        self.text = try Self.compile(text, part: "text", template: name, file: "\(name).text.mustache")
        self.html = try Self.compile(html, part: "html", template: name, file: "\(name).html.mustache")
        partsLinkingToReviews = zip(Self.parts, [subject, text, html]).filter { ReviewLinkScan.usesReviewLink($0.1) }
            .map(\.0)
    }

    /// Renders the three parts with `context`.
    public func render(_ context: [String: Any]) -> Rendered {
        let line = subject.render(context)
            .replacingOccurrences(of: "\r\n", with: " ")
            .replacingOccurrences(of: "\r", with: " ")
            .replacingOccurrences(of: "\n", with: " ")
            .trimmingCharacters(in: .whitespaces)
        return Rendered(subject: line, text: text.render(context), html: html.render(context))
    }

    private static func compile(_ source: String, part: String, template: String, file: String)
        throws(TemplateError) -> MustacheTemplate
    {
        // Plain parts must not be HTML-escaped; the pragma sits on the first
        // line so line numbers in errors stay those of the file.
        let prefixed = part == "html" ? source : "{{% CONTENT_TYPE: TEXT}}" + source
        do {
            return try MustacheTemplate(string: prefixed)
        } catch let error as MustacheTemplate.ParserError {
            throw TemplateError(
                template: template, file: file, line: error.context.lineNumber,
                message: "\(error.error) near \"\(error.context.line.trimmingCharacters(in: .whitespaces).prefix(60))\""
            )
        } catch {
            throw TemplateError(template: template, file: file, line: nil, message: "\(error)")
        }
    }
}
