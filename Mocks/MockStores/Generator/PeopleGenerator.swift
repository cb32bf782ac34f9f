import Foundation

/// Builds customers and guest identities.
struct PeopleGenerator: Sendable {
    let profile: StoreProfile

    struct Name: Sendable {
        let first: String
        let last: String
        /// ASCII `first.last` for e-mail addresses.
        let emailStem: String
    }

    var jitterSeed: UInt64 { profile.seed ^ 0xC057 }

    func registeredAt(_ c: Int) -> Int64 { profile.customerGrid.time(c, jitterSeed: jitterSeed) }

    /// Highest customer index whose account exists before `time`.
    func lastCustomer(registeredBefore time: Int64) -> Int? {
        guard var c = profile.customerGrid.lastIndex(atOrBefore: time) else { return nil }
        while c >= 0, registeredAt(c) >= time { c -= 1 }
        return c >= 0 ? c : nil
    }

    func name(stream: RandomStream, index: Int) -> Name {
        if stream == .customer, let named = profile.namedCustomers[index] {
            return Name(
                first: named.first, last: named.last,
                emailStem: PeopleGenerator.ascii(named.first) + "." + PeopleGenerator.ascii(named.last))
        }
        var r = profile.random(stream, index &* 31 &+ 7)
        let first = r.pick(profile.region.firstNames)
        let last = r.pick(profile.region.lastNames)
        return Name(
            first: first, last: last, emailStem: PeopleGenerator.ascii(first) + "." + PeopleGenerator.ascii(last))
    }

    /// Customer e-mails embed the index so `?email=` is answered without a scan.
    func email(_ c: Int) -> String {
        "\(name(stream: .customer, index: c).emailStem).\(c + 1)@example.test"
    }

    /// Inverse of `email(_:)` for generated addresses.
    func customerIndex(forEmail email: String) -> Int? {
        let lower = email.lowercased()
        guard lower.hasSuffix("@example.test") else { return nil }
        let local = lower.dropLast("@example.test".count)
        guard let dot = local.lastIndex(of: "."), let n = Int(local[local.index(after: dot)...]), n >= 1,
            n <= profile.customerCount
        else { return nil }
        return self.email(n - 1) == lower ? n - 1 : nil
    }

    func customer(_ c: Int) -> CustomerRecord {
        let n = name(stream: .customer, index: c)
        var r = profile.random(.customer, c)
        let registered = registeredAt(c)
        let consentRoll = r.int(0...99)
        let consent: CustomerRecord.Consent =
            consentRoll < 55
            ? .subscribed : consentRoll < 85 ? .notSubscribed : consentRoll < 95 ? .unsubscribed : .pending
        let points = r.percent(20) ? 0 : r.int(10...5_000)
        let expiring = points > 0 && r.percent(40) ? r.int(1...max(1, points / 3)) : 0
        let tier = points >= 2_000 ? "gold" : points >= 500 ? "silver" : "bronze"
        let ordersHint = r.int(1...12)
        let spent = Int64(ordersHint) * Int64(r.int(15...120)) * (profile.currency.exponent == 0 ? 100 : 100)
        let tagPool = ["", "", "VIP", "newsletter", "wholesale", "repeat"]
        return CustomerRecord(
            index: c, firstName: n.first, lastName: n.last, email: email(c),
            phone: profile.region.phonePrefix + r.token(7, alphabet: "0123456789"),
            registeredAt: registered,
            baseModifiedAt: registered + Int64(r.int(0...Int(StoreProfile.maxLifecycleSeconds))),
            cityIndex: r.int(0...(profile.region.cities.count - 1)),
            consent: consent, consentAt: registered + Int64(r.int(0...600)),
            loyaltyPoints: points, pointsExpiring: expiring,
            pointsExpireAt: profile.clockStart + Int64(r.int(3...90)) * 86_400,
            tier: tier, ordersCountHint: ordersHint, totalSpentMinor: spent,
            tags: r.pick(tagPool))
    }

    /// Customer modification time without building the record (for `updated_at_min` scans).
    func baseModifiedAt(_ c: Int) -> Int64 {
        customer(c).baseModifiedAt
    }

    private static let asciiCache: [String: String] = {
        var map: [String: String] = [:]
        for region in [Catalog.us, Catalog.de, Catalog.jp] {
            for name in region.firstNames + region.lastNames {
                if let spelled = region.romaji[name] {
                    map[name] = spelled
                    continue
                }
                map[name] = name.folding(
                    options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US")
                )
                .lowercased().filter { $0.isLetter && $0.isASCII }
            }
        }
        return map
    }()

    static func ascii(_ name: String) -> String { asciiCache[name] ?? name.lowercased() }
}
