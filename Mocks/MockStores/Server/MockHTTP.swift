import Foundation
import NIOCore

/// A request as the platform emulators see it: decoded once, independent of Hummingbird.
struct MockRequest: Sendable {
    let method: String
    /// Path without query string, percent-decoded.
    let path: String
    /// Query parameters in order, percent-decoded (`+` as space), duplicates kept.
    let query: [(name: String, value: String)]
    /// Header names lowercased.
    let headers: [String: String]
    let body: [UInt8]
    /// True when the request arrived through a TLS-terminating proxy (`X-Forwarded-Proto: https`).
    var isHTTPS: Bool { headers["x-forwarded-proto"]?.lowercased() == "https" }

    func param(_ name: String) -> String? { query.first { $0.name == name }?.value }

    /// Values of `name` and `name[]` / `name[0]` (PHP-style arrays), comma lists split.
    func list(_ name: String) -> [String]? {
        let values = query.filter {
            $0.name == name || $0.name == name + "[]" || ($0.name.hasPrefix(name + "[") && $0.name.hasSuffix("]"))
        }
        guard !values.isEmpty else { return nil }
        return values.flatMap { $0.value.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }
    }

    var json: JSONValue? { JSONValue.parse(body) }
}

/// A response before faults are applied.
struct MockResponse: Sendable {
    var status: Int
    var headers: [(String, String)]
    var body: ByteBuffer
    /// A body written while it is sent (a large file), used instead of ``body``.
    var stream: MockBodyStream?

    init(status: Int, headers: [(String, String)] = [], body: ByteBuffer) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    static func json(_ status: Int, _ writer: JSONWriter, headers: [(String, String)] = []) -> MockResponse {
        MockResponse(
            status: status, headers: [("Content-Type", "application/json; charset=utf-8")] + headers,
            body: writer.buffer)
    }

    static func jsonText(_ status: Int, _ text: String, headers: [(String, String)] = []) -> MockResponse {
        MockResponse(
            status: status, headers: [("Content-Type", "application/json; charset=utf-8")] + headers,
            body: ByteBuffer(string: text))
    }
}

/// A response body produced while it is sent, so a large file never sits in memory.
struct MockBodyStream: Sendable {
    /// The declared `Content-Length`.
    var contentLength: Int?
    /// Cut the connection after this many body bytes (a download dropped mid-file).
    var cutAfter: Int?
    /// Writes the body through `sink`, chunk by chunk.
    var write: @Sendable (_ sink: (ByteBuffer) async throws -> Void) async throws -> Void
}

/// Percent-encoding as RFC 3986 defines it (what OAuth 1.0a and Link URLs need).
enum PercentEncoding {
    private static let unreserved: Set<UInt8> = Set(
        Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8))

    static func encode(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        let hex = Array("0123456789ABCDEF")
        for b in s.utf8 {
            if unreserved.contains(b) {
                out.append(Character(UnicodeScalar(b)))
            } else {
                out.append("%")
                out.append(hex[Int(b >> 4)])
                out.append(hex[Int(b & 0xF)])
            }
        }
        return out
    }

    static func decode(_ s: Substring, plusAsSpace: Bool) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.utf8.count)
        var it = Array(s.utf8)[...]
        while let b = it.popFirst() {
            if b == UInt8(ascii: "%"), it.count >= 2, let h = hexValue(it[it.startIndex]),
                let l = hexValue(it[it.startIndex + 1])
            {
                bytes.append(h << 4 | l)
                it = it.dropFirst(2)
            } else if b == UInt8(ascii: "+") && plusAsSpace {
                bytes.append(UInt8(ascii: " "))
            } else {
                bytes.append(b)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case 48...57: return b - 48
        case 65...70: return b - 55
        case 97...102: return b - 87
        default: return nil
        }
    }

    static func parseQuery(_ query: Substring) -> [(name: String, value: String)] {
        query.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            if let eq = pair.firstIndex(of: "=") {
                return (
                    decode(pair[..<eq], plusAsSpace: true), decode(pair[pair.index(after: eq)...], plusAsSpace: true)
                )
            }
            return (decode(pair, plusAsSpace: true), "")
        }
    }

    /// `a=1&b=2` from ordered pairs.
    static func formQuery(_ pairs: [(String, String)]) -> String {
        pairs.map { encode($0.0) + "=" + encode($0.1) }.joined(separator: "&")
    }
}
