/// Which credentials ``ConformanceStore/makeConnector(credentials:)`` uses.
public enum ConformanceCredentials: Sendable, Hashable {
    /// Credentials the emulator accepts.
    case valid
    /// Well-formed credentials the emulator refuses (a wrong secret or
    /// token), to prove a 401 surfaces as ``ConnectorError/unauthorized(_:)``
    /// without a retry.
    case invalid
}
