public import Foundation

/// The lines of a JSON Lines file, read from a ``ResumableDownload`` with the byte offset
/// each one starts at, so a walk can checkpoint "resume at byte N" between any two lines.
///
/// Holds one chunk and the line being completed, never the file. A line is handed out
/// without its `\n`; an empty line is skipped; a last line without `\n` still counts.
public final class JSONLinesReader: @unchecked Sendable {
    /// One line and where it sits in the file.
    public struct Line: Sendable {
        public var bytes: Data
        /// The file offset of the line's first byte.
        public var start: Int64
        /// The file offset just past its `\n`: where the next line starts.
        public var end: Int64
    }

    private let download: ResumableDownload
    private var buffer = Data()
    /// The file offset of `buffer`'s first byte.
    private var bufferStart: Int64
    private var ended = false
    private var held: Line?

    public init(_ download: ResumableDownload) {
        self.download = download
        bufferStart = download.offset
    }

    /// The next line without consuming it.
    public func peek() async throws -> Line? {
        if held == nil { held = try await read() }
        return held
    }

    /// The next line.
    public func next() async throws -> Line? {
        if let held {
            self.held = nil
            return held
        }
        return try await read()
    }

    private func read() async throws -> Line? {
        while true {
            // Searched in the raw bytes: `Data`'s own `firstIndex` goes through a checked class access per byte.
            let found = buffer.withUnsafeBytes { $0.firstIndex(of: UInt8(ascii: "\n")) }
            if let offset = found {
                let newline = buffer.startIndex + offset
                let length = newline - buffer.startIndex
                let line = Line(
                    bytes: buffer[buffer.startIndex..<newline], start: bufferStart,
                    end: bufferStart + Int64(length) + 1)
                buffer = buffer[(newline + 1)...]
                bufferStart = line.end
                if line.bytes.isEmpty { continue }
                return Line(bytes: Data(line.bytes), start: line.start, end: line.end)
            }
            if ended {
                guard !buffer.isEmpty else { return nil }
                let line = Line(
                    bytes: Data(buffer), start: bufferStart, end: bufferStart + Int64(buffer.count))
                bufferStart = line.end
                buffer = Data()
                return line
            }
            guard let chunk = try await download.next() else {
                ended = true
                continue
            }
            // Keep only the unfinished line before appending, so memory stays one chunk.
            buffer = Data(buffer) + chunk
        }
    }
}
