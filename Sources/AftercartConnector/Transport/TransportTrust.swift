import Foundation
import NIOSSL

/// Which certificate authorities a store's HTTPS requests trust: the
/// system's roots, plus a store's `ca_file` and the process's
/// `SSL_CERT_FILE` / `SSL_CERT_DIR` (a company CA, a TLS-inspecting proxy).
///
/// The certificates are read once, when the store's transport is made, so
/// a missing or unreadable file is a setup error naming the file rather
/// than a failure on every request. The extra roots are added to the
/// system's, never replace them, so a store on a public CA keeps working
/// when `SSL_CERT_FILE` names only a company bundle.
public struct TransportTrust: Sendable {
    /// The environment variables read, as OpenSSL names them.
    public static let environmentVariables = ["SSL_CERT_FILE", "SSL_CERT_DIR"]

    /// The system roots only.
    public static let system = TransportTrust(extraRoots: [])

    /// The certificates trusted besides the system roots.
    let extraRoots: [NIOSSLCertificate]

    private init(extraRoots: [NIOSSLCertificate]) {
        self.extraRoots = extraRoots
    }

    /// Reads `caFile` (a PEM bundle, already an absolute path: the config
    /// resolves it against its own folder) and the `SSL_CERT_FILE` and
    /// `SSL_CERT_DIR` entries of `environment`.
    ///
    /// - Throws: ``TransportTrustError`` naming the file or variable whose
    ///   certificates cannot be read.
    public init(caFile: String?, environment: [String: String]) throws(TransportTrustError) {
        var roots: [NIOSSLCertificate] = []
        if let caFile, !caFile.isEmpty {
            roots += try Self.bundle(at: caFile, origin: "ca_file")
        }
        if let file = environment["SSL_CERT_FILE"], !file.isEmpty {
            roots += try Self.bundle(at: file, origin: "SSL_CERT_FILE")
        }
        if let directories = environment["SSL_CERT_DIR"], !directories.isEmpty {
            // OpenSSL's form: a colon-separated list of folders.
            for directory in directories.split(separator: ":") where !directory.isEmpty {
                roots += try Self.folder(at: String(directory))
            }
        }
        self.init(extraRoots: roots)
    }

    /// The process environment's trust variables, for ``ConnectorEnvironment``.
    public static func processEnvironment() -> [String: String] {
        ProcessInfo.processInfo.environment.filter { environmentVariables.contains($0.key) }
    }

    /// Whether only the system roots are trusted.
    public var isSystemOnly: Bool { extraRoots.isEmpty }

    /// What a request to `url` carries: ``tlsConfiguration`` for HTTPS,
    /// nothing for plain HTTP. AsyncHTTPClient hashes a request's TLS
    /// configuration, every certificate of it, to pick a pooled connection
    /// (0.5 ms per request with a system bundle in `SSL_CERT_FILE`), and
    /// plain HTTP has no use for it.
    func tlsConfiguration(for url: String) -> TLSConfiguration? {
        url.lowercased().hasPrefix("https:") ? tlsConfiguration : nil
    }

    /// What a request carries when extra roots are trusted; `nil` leaves
    /// the client's default (system roots). Equal trust gives equal
    /// configurations, so requests of one store share pooled connections.
    var tlsConfiguration: TLSConfiguration? {
        guard !extraRoots.isEmpty else { return nil }
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.trustRoots = .default
        configuration.additionalTrustRoots = [.certificates(extraRoots)]
        return configuration
    }

    private static func bundle(at path: String, origin: String) throws(TransportTrustError) -> [NIOSSLCertificate] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw TransportTrustError(message: "\(origin) \(path) does not exist")
        }
        guard !isDirectory.boolValue else {
            throw TransportTrustError(message: "\(origin) \(path) is a folder; name a PEM file")
        }
        let certificates: [NIOSSLCertificate]
        do {
            certificates = try NIOSSLCertificate.fromPEMFile(path)
        } catch {
            throw TransportTrustError(message: "\(origin) \(path) cannot be read as PEM certificates")
        }
        guard !certificates.isEmpty else {
            throw TransportTrustError(message: "\(origin) \(path) holds no PEM certificate")
        }
        return certificates
    }

    /// Every certificate file in a folder; OpenSSL's hashed links and other
    /// files that are not PEM certificates are skipped, as OpenSSL skips them.
    private static func folder(at path: String) throws(TransportTrustError) -> [NIOSSLCertificate] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        } catch {
            throw TransportTrustError(message: "SSL_CERT_DIR \(path) cannot be listed")
        }
        var seen: Set<NIOSSLCertificate> = []
        var roots: [NIOSSLCertificate] = []
        for name in names {
            let file = (path as NSString).appendingPathComponent(name)
            guard let certificates = try? NIOSSLCertificate.fromPEMFile(file) else { continue }
            for certificate in certificates where seen.insert(certificate).inserted { roots.append(certificate) }
        }
        return roots
    }
}

/// A trust source that cannot be read; the message names the file.
public struct TransportTrustError: Error, Sendable, CustomStringConvertible {
    /// `ca_file /etc/x.pem does not exist`.
    public var message: String

    public var description: String { message }
}
