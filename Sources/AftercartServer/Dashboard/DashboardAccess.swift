public import AftercartModel
import Crypto
import Foundation

/// Who may open `/dashboard`: the holder of the admin token (`Authorization:
/// Bearer …`) or of the admin user name and password (HTTP basic), from
/// `[server]`. There is no third way: without either the dashboard is not served.
public struct DashboardAccess: Sendable {
    private let tokenDigest: [UInt8]?
    private let basic: (user: [UInt8], password: [UInt8])?

    /// Access for `token` and/or `user` with `password`; `nil` when neither
    /// is given in full, so a dashboard without credentials cannot exist.
    public init?(token: Secret?, user: String?, password: Secret?) {
        tokenDigest = token.flatMap { $0.isEmpty ? nil : Self.digest(Data($0.revealed().utf8)) }
        if let user, !user.isEmpty, let password, !password.isEmpty {
            basic = (Self.digest(Data(user.utf8)), Self.digest(Data(password.revealed().utf8)))
        } else {
            basic = nil
        }
        guard tokenDigest != nil || basic != nil else { return nil }
    }

    /// The `WWW-Authenticate` challenge a refusal carries: basic when a
    /// user and password are configured (a browser then asks for them).
    public var challenge: String {
        basic == nil ? "Bearer realm=\"Aftercart\"" : "Basic realm=\"Aftercart\""
    }

    /// Whether the request's `Authorization` header holds the configured
    /// token or user and password. Every comparison takes the same time
    /// whatever the guess: both sides are hashed, then compared in full.
    public func admits(authorization: String?) -> Bool {
        guard let authorization else { return false }
        let parts = authorization.trimmingCharacters(in: .whitespaces).split(
            separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2 else { return false }
        let scheme = parts[0].lowercased()
        let credential = parts[1].trimmingCharacters(in: .whitespaces)
        if scheme == "bearer", let tokenDigest {
            return Self.equal(Self.digest(Data(credential.utf8)), tokenDigest)
        }
        if scheme == "basic", let basic, let decoded = Data(base64Encoded: credential) {
            // RFC 7617: the user name ends at the first colon; the password may hold more.
            let separator = decoded.firstIndex(of: UInt8(ascii: ":")) ?? decoded.endIndex
            let user = decoded[decoded.startIndex..<separator]
            let password = separator < decoded.endIndex ? decoded[(separator + 1)...] : Data()
            let userMatches = Self.equal(Self.digest(Data(user)), basic.user)
            let passwordMatches = Self.equal(Self.digest(Data(password)), basic.password)
            return userMatches && passwordMatches
        }
        return false
    }

    private static func digest(_ data: Data) -> [UInt8] {
        Array(SHA256.hash(data: data))
    }

    /// Compares every byte, so the time taken says nothing about where two digests differ.
    private static func equal(_ left: [UInt8], _ right: [UInt8]) -> Bool {
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }
}
