/// What writing a customer's marketing opt-out to the store changed.
public struct ConsentWithdrawal: Sendable, Hashable {
    /// The records written, as a person reads them: `"customer 12"`,
    /// `"order 1043"`. Empty when the store has no customer or order with
    /// the address: there is nothing to write, which is not a failure.
    public var written: [String]

    public init(written: [String]) {
        self.written = written
    }

    /// One line for the outbox row's result.
    public var summary: String {
        written.isEmpty
            ? "nothing to write: the store has no customer or order with this address"
            : "consent withdrawn: \(written.joined(separator: ", "))"
    }
}
