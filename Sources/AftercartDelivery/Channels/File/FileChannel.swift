public import AftercartConnector
public import Foundation

/// The embedded default: one `.eml` file per message in a folder, plus an
/// `index.html` listing them, so a merchant can open what would have been sent.
///
/// Each message also leaves a small JSON entry under `.index/`; the index
/// page is rebuilt from those entries after each batch, so it lists every
/// message the folder holds even across runs and crashes.
public struct FileChannel: MessageChannel {
    public let name = "file"
    /// The folder (created when missing).
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    public func deliver(_ message: OutgoingMessage, connector: (any StoreConnector)?) async throws(ChannelFailure)
        -> String
    {
        let stem = MessageIdentity.fileStem(key: message.origin.idempotencyKey)
        let file = directory.appendingPathComponent(stem + ".eml")
        let entry = FileIndexEntry(
            file: file.lastPathComponent, to: message.to.description, subject: message.subject,
            date: message.date, store: message.origin.store.rawValue, campaign: message.origin.campaign)
        do {
            try FileManager.default.createDirectory(
                at: FileIndex.entriesFolder(in: directory),
                withIntermediateDirectories: true)
            try MIMEWriter.render(message).write(to: file, options: .atomic)
            try FileIndex.write(entry, stem: stem, in: directory)
        } catch {
            // A full disk or a read-only folder will not fix itself between attempts
            // in one run, but may after the operator acts: retry later.
            throw ChannelFailure(transient: true, "could not write \(file.path): \(error.localizedDescription)")
        }
        return file.path
    }

    public func finishBatch() async {
        try? FileIndex.rebuildPage(in: directory)
    }
}
