import NIOSSL

/// Certificate failures named as such: the store was reached, but its
/// certificate is not one this process trusts. They are never transient:
/// trying again for minutes cannot change a certificate chain.
enum TLSFailure {
    /// BoringSSL's reason for a chain that leads to no trusted root.
    private static let verifyFailed = "CERTIFICATE_VERIFY_FAILED"

    static let hint =
        "set ca_file on the store (or SSL_CERT_FILE) to the PEM bundle of the CA that signed the store's certificate"

    /// The failure for a handshake that failed verification; `nil` for other TLS errors.
    static func untrustedCertificate(_ error: NIOSSLError) -> ClassifiedFailure? {
        guard case .handshakeFailed(let inner) = error, "\(inner)".contains(verifyFailed) else { return nil }
        return failure("certificate not trusted (no trusted CA signed it); \(hint)")
    }

    /// The certificate is trusted but names another host.
    static func hostnameMismatch() -> ClassifiedFailure {
        failure("certificate not valid for this host name; check base_url against the names in the certificate")
    }

    private static func failure(_ diagnosis: String) -> ClassifiedFailure {
        var context = ErrorContext()
        context.diagnosis = diagnosis
        return ClassifiedFailure(
            error: .unreachable(reason: "certificate not trusted", context), isTransient: false, isTimeout: false,
            requestMayHaveBeenProcessed: false)
    }
}
