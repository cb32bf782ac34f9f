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
        let present = parts.contains { part in
            FileManager.default.fileExists(atPath: folder.appendingPathComponent("\(name).\(part).mustache").path)
        }
        if !present, let shipped = ShippedFiles.template(named: name),
            let subject = shipped["subject"], let text = shipped["text"], let html = shipped["html"]
        {
            return try MessageTemplate(name: name, subject: subject, text: text, html: html)
        }
        return try MessageTemplate(name: name, folder: folder)
    }
}
