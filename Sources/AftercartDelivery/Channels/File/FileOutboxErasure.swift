import AftercartModel
public import Foundation

/// Deletes a forgotten customer's messages from the file channel's folder:
/// a written `.eml` holds their address, name and order, and rewriting a
/// MIME file could leave encoded copies (quoted-printable, base64) behind.
public enum FileOutboxErasure {
    /// Deletes every message of `store` to `address` (ignoring case) in
    /// `directory`, with its `.index/` entry, and rebuilds `index.html`.
    ///
    /// A message is theirs when its file or index entry holds the address,
    /// unless the entry says another store sent it (the folder is shared by
    /// every store, and `forget` is per store). A file without an entry holds
    /// the address but not its store, so it goes. A missing folder holds nothing.
    ///
    /// - Returns: how many message files were deleted.
    /// - Throws: when a file of theirs cannot be deleted.
    public static func erase(address: String, store: String, in directory: URL) throws -> Int {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: directory.path) else { return 0 }
        let needle = Data(address.lowercased().utf8)
        let entries = FileIndex.entriesFolder(in: directory)
        let decoder = ModelJSON.decoder()
        func mentions(_ url: URL) -> Bool {
            guard let data = manager.contents(atPath: url.path) else { return false }
            return Data(String(decoding: data, as: UTF8.self).lowercased().utf8).range(of: needle) != nil
        }
        func otherStore(_ entry: URL) -> Bool {
            guard let data = manager.contents(atPath: entry.path),
                let decoded = try? decoder.decode(FileIndexEntry.self, from: data)
            else { return false }
            return decoded.store != store
        }
        var deleted = 0
        for name in names where name.hasSuffix(".eml") {
            let file = directory.appendingPathComponent(name)
            let entry = entries.appendingPathComponent(String(name.dropLast(".eml".count)) + ".json")
            guard mentions(file) || mentions(entry), !otherStore(entry) else { continue }
            try manager.removeItem(at: file)
            if manager.fileExists(atPath: entry.path) { try manager.removeItem(at: entry) }
            deleted += 1
        }
        // Entries whose message file is already gone still name the recipient.
        for name in (try? manager.contentsOfDirectory(atPath: entries.path)) ?? [] where name.hasSuffix(".json") {
            let entry = entries.appendingPathComponent(name)
            if mentions(entry), !otherStore(entry) { try manager.removeItem(at: entry) }
        }
        try FileIndex.rebuildPage(in: directory)
        return deleted
    }
}
