import Crypto

extension PlanningStore {
    /// The per-install secret named `name`: 256 random bits as lowercase
    /// hex, made on first use and returned unchanged ever after. Links,
    /// coupon codes and forgotten-customer hashes each key with their own.
    public func installSecret(named name: String) async throws -> String {
        try await installSecret(named: name) {
            SymmetricKey(size: .bits256).withUnsafeBytes { bytes in
                bytes.map { String(format: "%02x", $0) }.joined()
            }
        }
    }
}
