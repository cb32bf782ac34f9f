import AftercartConfig
public import Foundation

extension MessageTemplate {
    /// Template `name` from `folder`; when the folder has none of its
    /// files, the shipped template of that name (``ShippedFiles``), as
    /// config/README.md promises. A template with some of its files present
    /// is the merchant's, so a missing part is an error, never patched with
    /// a shipped part.
    ///
    /// - Throws: ``TemplateError`` naming the file and line of the first problem.
    public static func load(name: String, folder: URL) throws(TemplateError) -> MessageTemplate {
        if !hasFiles(name, in: folder), let shipped = try compileShipped(name, locale: MessageLocale.english) {
            return shipped
        }
        return try MessageTemplate(name: name, folder: folder)
    }

    /// Template `name` for `locale`: the merchant's `folder/<locale>/` copy
    /// when it has any of its files, else the shipped one of that locale,
    /// else `nil` (the English one serves). English is ``load(name:folder:)``.
    ///
    /// - Throws: ``TemplateError`` naming the file and line of the first problem.
    public static func load(name: String, folder: URL, locale: String) throws(TemplateError) -> MessageTemplate? {
        guard locale != MessageLocale.english else { return try load(name: name, folder: folder) }
        let localized = folder.appendingPathComponent(locale, isDirectory: true)
        if hasFiles(name, in: localized) { return try MessageTemplate(name: name, folder: localized) }
        return try compileShipped(name, locale: locale)
    }

    /// Whether `folder` holds any part of template `name`.
    static func hasFiles(_ name: String, in folder: URL) -> Bool {
        parts.contains { part in
            FileManager.default.fileExists(atPath: folder.appendingPathComponent("\(name).\(part).mustache").path)
        }
    }

    private static func compileShipped(_ name: String, locale: String) throws(TemplateError) -> MessageTemplate? {
        guard let shipped = ShippedFiles.template(named: name, locale: locale),
            let subject = shipped["subject"], let text = shipped["text"], let html = shipped["html"]
        else { return nil }
        return try MessageTemplate(name: name, subject: subject, text: text, html: html)
    }
}
