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
    /// Each store's own sender, reply address and unsubscribe mailbox
    /// (``adopt(_:)``); a store without an entry sends as ``from``.
    public var senders: [StoreID: StoreSender] = [:]
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

    /// Takes each store's time zone and sender from its configuration:
    /// `from` (else ``from``'s address) under the `from` name, else the
    /// store's display name; `reply_to`; `unsubscribe_email`.
    public mutating func adopt(_ stores: [StoreConfiguration]) {
        for store in stores {
            timeZones[store.id] = store.timeZone
            let identity = store.sender
            let name = identity.fromName ?? store.displayName
            let sender =
                (try? MailAddress(address: identity.fromAddress ?? from.address, name: name))
                ?? (try? MailAddress(address: from.address, name: name)) ?? from
            senders[store.id] = StoreSender(
                from: sender, replyTo: identity.replyTo.flatMap { try? MailAddress(address: $0) },
                unsubscribeEmail: identity.unsubscribeEmail)
        }
    }

    /// The sender of `store`'s emails, ``from`` for a store not adopted.
    public func sender(for store: StoreID) -> StoreSender {
        senders[store] ?? StoreSender(from: from)
    }
}

/// How one store's emails are addressed: who sends them, where replies
/// go, and the mailbox offered for unsubscribing by mail.
public struct StoreSender: Sendable, Hashable {
    /// The `From` mailbox.
    public var from: MailAddress
    /// The `Reply-To` mailbox, when replies go elsewhere.
    public var replyTo: MailAddress?
    /// The `mailto:` of `List-Unsubscribe` beside the link, when set.
    public var unsubscribeEmail: String?

    public init(from: MailAddress, replyTo: MailAddress? = nil, unsubscribeEmail: String? = nil) {
        self.from = from
        self.replyTo = replyTo
        self.unsubscribeEmail = unsubscribeEmail
    }
}
