import AftercartConnector
import AftercartModel
import Foundation

/// The outbox's crash story depends on this: a coupon created, then looked
/// up by code in any case, then created again after a "crash", is still
/// one coupon in the store.
enum CouponScenario {
    /// Mixed case on purpose: WooCommerce lowercases codes.
    static let code = "AC-Conformance-7Q2"

    static func run(_ kit: ConformanceRun) async {
        await kit.entry(.couponIdempotency, "create → find → create") { checks in
            try await kit.withStore(records: 10) { store in
                let connector = try await store.makeConnector(credentials: .valid)
                let writes = connector.capabilities.writes
                guard writes.contains(.createCoupon), writes.contains(.findCoupon) else {
                    throw ConformanceSkip("the adapter does not create and find coupons")
                }
                try await check(connector, store: store, checks: checks)
            }
        }
    }

    private static func check(_ connector: any StoreConnector, store: any ConformanceStore, checks: Checks) async throws
    {
        let expiry = Date(timeIntervalSince1970: 1_830_297_600)  // 2028-01-01T00:00:00Z
        // A smart coupon names its customer both ways, as the planner does:
        // WooCommerce restricts by email, Shopify by customer id.
        // A failing customers read is the paging scenario's finding, not this one's.
        let customer = try? await firstCustomer(connector)
        let request = CouponRequest(
            code: code, kind: .percent, amount: 10, expiresAt: expiry, usageLimit: 1, usageLimitPerCustomer: 1,
            emailRestrictions: customer.map { [$0.email] } ?? [], customerIDs: customer.map { [$0.id] } ?? [],
            description: "aftercart conformance kit")
        if let existing = try await connector.findCoupon(code: code) {
            checks.fail("findCoupon found \"\(existing.code)\" in a fresh store before it was created")
        }
        let created = try await connector.createCoupon(request)
        checks.expect(created.code.lowercased() == code.lowercased(), "created coupon has code \"\(created.code)\"")
        checks.expect(created.kind == .percent, "created coupon has kind \(created.kind.rawValue), not percent")
        checks.expect(created.amount == 10, "created coupon has amount \(created.amount), not 10")
        checks.expect(
            created.usageLimit == 1,
            "created coupon has usage limit \(created.usageLimit.map(String.init) ?? "nil"), not 1")
        checks.expect(created.store == connector.store, "created coupon carries store \"\(created.store)\"")
        checks.expect(created.createdByAftercart, "created coupon is not marked created_by_aftercart")
        if let got = created.expiresAt {
            checks.expect(
                abs(got.timeIntervalSince(expiry)) < 86_400,
                "created coupon expires \(Timestamp.format(got)), asked \(Timestamp.format(expiry))")
        } else {
            checks.fail("created coupon has no expiry although one was requested")
        }

        for probe in [code, code.lowercased(), code.uppercased()] {
            let found = try await connector.findCoupon(code: probe)
            checks.expect(
                found?.id == created.id,
                "findCoupon(\"\(probe)\") returned \(found.map { "id \($0.id)" } ?? "nil"), not id \(created.id)")
        }

        do {
            let again = try await connector.createCoupon(request)
            checks.expect(
                again.id == created.id, "creating the same code again returned id \(again.id), not \(created.id)")
        } catch {
            checks.fail(
                "creating the same code again failed instead of returning the existing coupon: \(ConformanceText.describe(error))"
            )
        }

        guard connector.capabilities.readable.contains(.coupons) else { return }
        let all = try await ReadResult.read(connector, .coupons)
        let matching = all.records.compactMap { $0 as? Coupon }.filter { $0.code.lowercased() == code.lowercased() }
        checks.expect(
            matching.count == 1,
            "the store holds \(matching.count) coupons with code \(code) after two creations; expected 1")
        if let upstream = try await store.platformIDs(of: .coupons) {
            checks.expect(upstream.contains(created.id), "the emulator does not list coupon id \(created.id)")
        }
    }

    /// A real customer of the emulator, so restrictions point at someone
    /// who exists; `nil` when the adapter reads no customers.
    private static func firstCustomer(_ connector: any StoreConnector) async throws -> Customer? {
        guard connector.capabilities.readable.contains(.customers) else { return nil }
        let first = try await ReadResult.read(connector, .customers, pageLimit: 1)
        return first.records.compactMap { $0 as? Customer }.first { !$0.email.isEmpty }
    }
}
