import AftercartModel
import Foundation

/// One line of the file channel's `index.html`.
struct FileIndexEntry: Codable, Sendable, Hashable {
    var file: String
    var to: String
    var subject: String
    var date: Date
    var store: String
    var campaign: String
}

/// The file channel's `index.html`, rebuilt from one JSON entry per message.
enum FileIndex {
    static func entriesFolder(in directory: URL) -> URL {
        directory.appendingPathComponent(".index", isDirectory: true)
    }

    static func write(_ entry: FileIndexEntry, stem: String, in directory: URL) throws {
        let data = try ModelJSON.encoder().encode(entry)
        try data.write(to: entriesFolder(in: directory).appendingPathComponent(stem + ".json"), options: .atomic)
    }

    /// Every entry whose `.eml` still exists, newest first.
    static func entries(in directory: URL) -> [FileIndexEntry] {
        let folder = entriesFolder(in: directory)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let decoder = ModelJSON.decoder()
        let entries = names.filter { $0.hasSuffix(".json") }.compactMap { name -> FileIndexEntry? in
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else {
                return nil
            }
            return try? decoder.decode(FileIndexEntry.self, from: data)
        }
        return entries.filter { FileManager.default.fileExists(atPath: directory.appendingPathComponent($0.file).path) }
            .sorted { ($0.date, $0.file) > ($1.date, $1.file) }
    }

    static func rebuildPage(in directory: URL) throws {
        let entries = entries(in: directory)
        var html = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Aftercart outbox</title>
            <style>body{font-family:sans-serif;margin:2em}td,th{padding:.3em .8em;text-align:left}
            tr:nth-child(even){background:#f4f4f4}</style></head><body>
            <h1>Aftercart outbox</h1>
            <p>\(entries.count) messages. Each file opens in a mail program.</p>
            <table><tr><th>Date (UTC)</th><th>Store</th><th>Campaign</th><th>To</th><th>Subject</th></tr>

            """
        for entry in entries {
            html += "<tr><td>\(escape(Timestamp.format(entry.date)))</td><td>\(escape(entry.store))</td>"
            html += "<td>\(escape(entry.campaign))</td><td>\(escape(entry.to))</td>"
            html += "<td><a href=\"\(escape(entry.file))\">\(escape(entry.subject))</a></td></tr>\n"
        }
        html += "</table></body></html>\n"
        try Data(html.utf8).write(to: directory.appendingPathComponent("index.html"), options: .atomic)
    }

    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
