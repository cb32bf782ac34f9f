public import AftercartModel
import Crypto
import Foundation

/// Who may open `/dashboard`: the holder of the admin token (`Authorization:
/// Bearer …`) or of the admin user name and password (HTTP basic), from
/// `[server]`. There is no third way: without either the dashboard is not served.
public struct DashboardAccess: Sendable {
    /// A key made for this process, under which the configured credentials
    /// are kept as MACs and a guess is checked with swift-crypto's
    /// constant-time ``HMAC/isValidAuthenticationCode(_:authenticating:using:)``,
    /// as the webhook signatures are (`SymmetricKey` itself is not `Sendable`).
    private let keyBytes = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
    private let tokenMAC: Data?
    private let basic: (user: Data, password: Data)?

    /// Access for `token` and/or `user` with `password`; `nil` when neither
    /// is given in full, so a dashboard without credentials cannot exist.
    public init?(token: Secret?, user: String?, password: Secret?) {
        let key = SymmetricKey(data: keyBytes)
        func mac(_ text: String) -> Data { Data(HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: key)) }
        tokenMAC = token.flatMap { $0.isEmpty ? nil : mac($0.revealed()) }
        if let user, !user.isEmpty, let password, !password.isEmpty {
            basic = (mac(user), mac(password.revealed()))
        } else {
            basic = nil
        }
        guard tokenMAC != nil || basic != nil else { return nil }
    }

    /// The `WWW-Authenticate` challenge a refusal carries: basic when a
    /// user and password are configured (a browser then asks for them).
    public var challenge: String {
        basic == nil ? "Bearer realm=\"Aftercart\"" : "Basic realm=\"Aftercart\""
    }

    /// Whether the request's `Authorization` header holds the configured
    /// token or user and password. Every comparison takes the same time
    /// whatever the guess: the guess is MACed and checked in constant time.
    public func admits(authorization: String?) -> Bool {
        guard let authorization else { return false }
        let parts = authorization.trimmingCharacters(in: .whitespaces).split(
            separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2 else { return false }
        let scheme = parts[0].lowercased()
        let credential = parts[1].trimmingCharacters(in: .whitespaces)
        if scheme == "bearer", let tokenMAC {
            return matches(Data(credential.utf8), tokenMAC)
        }
        if scheme == "basic", let basic, let decoded = Data(base64Encoded: credential) {
            // RFC 7617: the user name ends at the first colon; the password may hold more.
            let separator = decoded.firstIndex(of: UInt8(ascii: ":")) ?? decoded.endIndex
            let user = decoded[decoded.startIndex..<separator]
            let password = separator < decoded.endIndex ? decoded[(separator + 1)...] : Data()
            let userMatches = matches(Data(user), basic.user)
            let passwordMatches = matches(Data(password), basic.password)
            return userMatches && passwordMatches
        }
        return false
    }

    /// Whether `guess` is what `expected` is the MAC of.
    private func matches(_ guess: Data, _ expected: Data) -> Bool {
        HMAC<SHA256>.isValidAuthenticationCode(expected, authenticating: guess, using: SymmetricKey(data: keyBytes))
    }
}
