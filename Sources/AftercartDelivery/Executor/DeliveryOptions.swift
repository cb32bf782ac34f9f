public import AftercartConfig
public import AftercartModel
public import AftercartStore
public import Foundation

/// How the executor claims, retries and addresses messages.
public struct DeliveryOptions: Sendable {
    /// The lease owner name; unique per process (host, pid, a random part).
    public var owner: String
    /// How long a claimed row stays ours; a worker that dies loses it after this.
    public var leaseFor: TimeInterval
    /// Rows claimed per batch (the file channel's index is rebuilt after each).
    public var batchSize: Int
    /// Claims before a transiently failing row is failed for good.
    public var maxAttempts: Int
    /// The first retry delay; doubled per attempt up to ``maximumBackoff``.
    public var initialBackoff: TimeInterval
    public var maximumBackoff: TimeInterval
    /// How long an action waiting for a linked one is put back before it looks again.
    public var waitDelay: TimeInterval
    /// The sender of every email (`[delivery] from`).
    public var from: MailAddress
    /// Where support alerts go (`[engage] merchant_email`).
    public var merchantEmail: String?
    /// Only rows of these stores (`send --store`), or all when `nil`.
    public var stores: Set<StoreID>?
    /// Each store's time zone, for the `{date}` of push-back notes (UTC when absent).
    public var timeZones: [StoreID: TimeZone]
    /// Each store's display name, the name of its emails' sender (the
    /// address stays ``from``'s); ``from``'s own name when absent.
    public var senderNames: [StoreID: String] = [:]
    /// Whether a lease holder still runs. The rows of a holder known to be
    /// dead (a killed `send` on this host) are taken over at once instead
    /// of after their lease.
    public var isOwnerAlive: @Sendable (String) -> Bool

    public init(
        owner: String = DeliveryOptions.defaultOwner(), leaseFor: TimeInterval = 300, batchSize: Int = 50,
        maxAttempts: Int = 5, initialBackoff: TimeInterval = 60, maximumBackoff: TimeInterval = 6 * 3600,
        waitDelay: TimeInterval = 60, from: MailAddress, merchantEmail: String? = nil, stores: Set<StoreID>? = nil,
        timeZones: [StoreID: TimeZone] = [:],
        isOwnerAlive: @escaping @Sendable (String) -> Bool = LeaseOwner.isLocalProcessAlive
    ) {
        self.owner = owner
        self.leaseFor = leaseFor
        self.batchSize = batchSize
        self.maxAttempts = maxAttempts
        self.initialBackoff = initialBackoff
        self.maximumBackoff = maximumBackoff
        self.waitDelay = waitDelay
        self.from = from
        self.merchantEmail = merchantEmail
        self.stores = stores
        self.timeZones = timeZones
        self.isOwnerAlive = isOwnerAlive
    }

    /// `host:pid:random` (``LeaseOwner``), so two executors never share a lease.
    public static func defaultOwner() -> String {
        let info = ProcessInfo.processInfo
        return "\(info.hostName):\(info.processIdentifier):\(UUID().uuidString.prefix(8))"
    }

    /// The delay before retry number `attempts` (1 = first retry).
    func backoff(afterAttempt attempts: Int, hint: Double?) -> TimeInterval {
        let exponent = min(max(attempts - 1, 0), 30)
        let delay = min(initialBackoff * pow(2, Double(exponent)), maximumBackoff)
        return max(delay, hint ?? 0)
    }

    /// Takes each store's time zone and display name from its configuration.
    public mutating func adopt(_ stores: [StoreConfiguration]) {
        for store in stores {
            timeZones[store.id] = store.timeZone
            senderNames[store.id] = store.displayName
        }
    }

    /// The sender of `store`'s emails: ``from``'s address under the store's name.
    public func sender(for store: StoreID) -> MailAddress {
        guard let name = senderNames[store], let named = try? MailAddress(address: from.address, name: name) else {
            return from
        }
        return named
    }
}
