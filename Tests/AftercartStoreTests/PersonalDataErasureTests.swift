import AftercartModel
import AftercartStore
import Foundation
import Testing

/// Erasing one customer's personal data (`aftercart forget`) and reading it
/// for an export, on both backends.
@Suite struct PersonalDataErasureTests {
    static let address = "Zelda.Quorra@Example.com"
    static let personal = ["zelda.quorra@example.com", "zelda", "quorra"]

    static func zeldaOrder(_ id: String, customerID: String?) -> Order {
        var order = Fixtures.order(id, email: address)
        order.customer = OrderCustomer(
            id: customerID, email: address, firstName: "Zelda", lastName: "Quorra", acceptsMarketing: true)
        return order
    }

    static func zeldaCustomer() -> Customer {
        var customer = Fixtures.customer("501")
        customer.email = address
        customer.firstName = "Zelda"
        customer.lastName = "Quorra"
        return customer
    }

    static func email(to: String, name: String?, text: String) throws -> String {
        let action = EmailAction(
            to: to, toName: name, subject: "Thanks, \(name ?? "")", text: text, html: "<p>\(text)</p>",
            transactional: true, orderID: "9001", unsubscribeURL: "https://shop.example/u/sealed")
        return String(decoding: try ModelJSON.encoder().encode(action), as: UTF8.self)
    }

    /// Zelda (customer 501, two orders, one under another address, a
    /// review, loyalty, two outbox rows, a reject, an unsubscribe) and Ken
    /// (customer 502, one order) in tokyo.
    func fill(_ persistence: any Persistence) async throws {
        var otherAddress = Self.zeldaOrder("9002", customerID: "501")
        otherAddress.customer.email = "zq-work@example.org"
        var review = Fixtures.review("r1")
        review.customerEmail = Self.address
        review.reviewerName = "Zelda Q."
        _ = try await persistence.commitPage(
            [Self.zeldaCustomer(), Fixtures.customer("502")], checkpoint: Fixtures.checkpoint(.customers, cursor: "c"))
        _ = try await persistence.commitPage(
            [Self.zeldaOrder("9001", customerID: "501"), otherAddress, Fixtures.order("9003")],
            rejects: [
                RejectedRecord(
                    id: "9004", reason: "quantity",
                    rawJSON: #"{"billing":{"email":"zelda.quorra@example.com","phone":"090"}}"#)
            ], checkpoint: Fixtures.checkpoint(cursor: "o"))
        _ = try await persistence.commitPage([review], checkpoint: Fixtures.checkpoint(.reviews, cursor: "r"))
        _ = try await persistence.commitPage(
            [Fixtures.loyalty("501")], checkpoint: Fixtures.checkpoint(.loyalty, cursor: "l"))
        let rows = [
            NewOutboxEntry(
                idempotencyKey: "thanks/tokyo-woo/9001/0", store: Fixtures.tokyo, campaign: "thanks",
                subjectKind: .orders, subjectID: "9001", action: .sendEmail,
                payload: try Self.email(to: Self.address, name: "Zelda Quorra", text: "Hi Zelda, order 9001"),
                notBefore: Fixtures.t0),
            NewOutboxEntry(
                idempotencyKey: "thanks/tokyo-woo/9003/0", store: Fixtures.tokyo, campaign: "thanks",
                subjectKind: .orders, subjectID: "9003", action: .sendEmail,
                payload: try Self.email(to: "hana@example.com", name: "Hana Sato", text: "Hi Hana"),
                notBefore: Fixtures.t0),
            NewOutboxEntry(
                idempotencyKey: "customer_request/tokyo-woo/zelda.quorra@example.com/1", store: Fixtures.tokyo,
                campaign: "customer_request", subjectKind: .customers, subjectID: "zelda.quorra@example.com",
                action: .withdrawConsent,
                payload: String(
                    decoding: try ModelJSON.encoder().encode(
                        ConsentWithdrawalAction(email: "zelda.quorra@example.com", requestedAt: Fixtures.t0)),
                    as: UTF8.self),
                notBefore: Fixtures.t0),
        ]
        for row in rows { _ = try await persistence.enqueue(row, now: Fixtures.t0) }
        let planning = try #require(persistence as? any PlanningStore)
        try await planning.recordSuppression(
            .unsubscribed, store: Fixtures.tokyo, email: Self.address, now: Fixtures.t0)
    }

    /// Every stored text a person could read back: record payloads, outbox rows, rejects.
    func everything(_ persistence: any Persistence) async throws -> String {
        var text = ""
        for resource in ResourceKind.allCases {
            let page = try await persistence.payloadPage(
                resource, store: nil, after: nil, limit: 100, includeVanished: true)
            text += page.items.map(\.json).joined(separator: "\n")
        }
        for entry in try await persistence.outboxPage(after: nil, limit: 100) {
            text += [entry.idempotencyKey, entry.subjectID, entry.payload, entry.result ?? ""].joined(separator: "\n")
        }
        text += try await persistence.rejects(store: nil, resource: nil).map(\.record.rawJSON).joined()
        return text.lowercased()
    }

    @Test func eraseReplacesTheCustomerEverywhereAndKeepsOthersAndFigures() async throws {
        try await withStore { persistence in
            let store = try #require(persistence as? any PersonalDataStore)
            try await fill(persistence)
            let parcels = try #require(persistence as? any ShipmentEventStore)
            for order in ["9001", "9003"] {
                _ = try await parcels.recordShipmentEvent(
                    ShipmentEvent(
                        store: Fixtures.tokyo, orderID: order, trackingNumber: "YMT-\(order)", stage: .inTransit,
                        at: Fixtures.t0, source: "aftership"), recordedAt: Fixtures.t0)
                try await parcels.rememberTrackedParcel(
                    TrackedParcelRecord(
                        store: Fixtures.tokyo, trackingNumber: "YMT-\(order)", orderID: order, service: "aftership",
                        serviceID: "as-\(order)", refusal: nil, registeredAt: Fixtures.t0))
            }
            let before = try await everything(persistence)
            #expect(Self.personal.allSatisfy { before.contains($0) })

            let erased = try await store.erasePersonalData(of: Self.address, store: Fixtures.tokyo, now: Fixtures.t0)
            #expect(erased.records == [.customers: 1, .orders: 2, .reviews: 1])
            #expect(erased.outboxRows == 2)
            #expect(erased.withdrawalsCancelled == 1)
            #expect(erased.plannerRows == 1)
            #expect(erased.rejects == 1)
            // Zelda's parcel is gone from both tables; Hana's (order 9003) stays.
            #expect(erased.parcelRows == 2)
            #expect(try await parcels.shipmentEvents(store: Fixtures.tokyo).map(\.orderID) == ["9003"])
            #expect(try await parcels.trackedParcels(store: Fixtures.tokyo).map(\.orderID) == ["9003"])
            #expect(erased.pseudonym.hasPrefix("forgotten-") && erased.pseudonym.hasSuffix("@invalid"))
            let text = try await everything(persistence)
            #expect(Self.personal.allSatisfy { !text.contains($0) }, "\(text)")
            #expect(text.contains(erased.pseudonym))
            // Others are untouched; figures and ids stay.
            #expect(text.contains("hana@example.com") && text.contains("hi hana") && text.contains("ken"))
            let order = try #require(
                try await persistence.record(Order.self, store: Fixtures.tokyo, platformID: "9002"))
            #expect(order.record.customer.email == erased.pseudonym)
            #expect(order.record.customer.firstName == "Forgotten" && order.record.customer.id == "501")
            #expect(order.record.total == Money(12_800, .jpy) && order.record.tracking.first?.number == "erased")
            let withdrawal = try await persistence.outboxPage(after: nil, limit: 100).first {
                $0.action == .withdrawConsent
            }
            #expect(withdrawal?.state == .cancelled)

            // Only a keyed hash of the address is kept, and it recognises the address in any case.
            let planning = try #require(persistence as? any PlanningStore)
            #expect(try await planning.suppressions(store: Fixtures.tokyo) == [erased.pseudonym: .forgotten])
            let forgotten = try await store.forgottenCustomers(store: Fixtures.tokyo)
            #expect(forgotten.keys.count == 1 && forgotten.keys.allSatisfy { $0.count == 64 && !$0.contains("@") })
            #expect(forgotten.contains("ZELDA.QUORRA@example.com") && !forgotten.contains("hana@example.com"))
            #expect(try await store.forgottenCustomers(store: Fixtures.osaka).keys.isEmpty)

            // Erasing again changes nothing.
            let again = try await store.erasePersonalData(of: Self.address, store: Fixtures.tokyo, now: Fixtures.t0)
            #expect(again.records.isEmpty && again.outboxRows == 0 && again.rejects == 0 && again.parcelRows == 0)
            #expect(again.pseudonym == erased.pseudonym)
        }
    }

    @Test func recordsOfAForgottenCustomerComeBackRedacted() async throws {
        try await withStore { persistence in
            let store = try #require(persistence as? any PersonalDataStore)
            try await fill(persistence)
            let erased = try await store.erasePersonalData(of: Self.address, store: Fixtures.tokyo, now: Fixtures.t0)
            // The store sends everything again, as a full sync or a webhook would.
            var newer = Self.zeldaOrder("9005", customerID: "501")
            newer.customer.email = "ZELDA.QUORRA@example.com"
            _ = try await persistence.commitPage(
                [Self.zeldaOrder("9001", customerID: "501"), newer],
                rejects: [RejectedRecord(id: "9006", reason: "bad", rawJSON: #"{"email":"Zelda.Quorra@example.com"}"#)],
                checkpoint: Fixtures.checkpoint(cursor: "o2"))
            _ = try await persistence.commitPage(
                [Self.zeldaCustomer()], checkpoint: Fixtures.checkpoint(.customers, cursor: "c2"))
            let inbox = try #require(persistence as? any WebhookInbox)
            var hooked = Self.zeldaOrder("9007", customerID: nil)
            hooked.customer.firstName = nil
            _ = try await inbox.applyWebhook(
                WebhookReceipt(
                    store: Fixtures.tokyo, platform: "woocommerce", deliveryKey: "d1", topic: "order.created",
                    receivedAt: Fixtures.t0),
                records: [hooked], deleted: [:])
            let text = try await everything(persistence)
            #expect(Self.personal.allSatisfy { !text.contains($0) }, "\(text)")
            let stored = try #require(
                try await persistence.record(Order.self, store: Fixtures.tokyo, platformID: "9005"))
            #expect(stored.record.customer.email == erased.pseudonym && stored.record.customer.lastName == "Customer")
            let webhook = try #require(
                try await persistence.record(Order.self, store: Fixtures.tokyo, platformID: "9007"))
            #expect(webhook.record.customer.email == erased.pseudonym && webhook.record.customer.firstName == nil)
        }
    }

    @Test func personalDataFindsTheCustomerByAddressAndIdAndNothingForAStranger() async throws {
        try await withStore { persistence in
            let store = try #require(persistence as? any PersonalDataStore)
            try await fill(persistence)
            let held = try await store.personalData(of: "zelda.quorra@EXAMPLE.com", store: Fixtures.tokyo)
            let ids = Dictionary(grouping: held.records, by: \.resource).mapValues { $0.map(\.key.platformID).sorted() }
            #expect(ids == [.customers: ["501"], .orders: ["9001", "9002"], .reviews: ["r1"], .loyalty: ["501"]])
            #expect(
                held.outbox.map(\.idempotencyKey).sorted() == [
                    "customer_request/tokyo-woo/zelda.quorra@example.com/1", "thanks/tokyo-woo/9001/0",
                ])
            #expect(held.suppressions == [.unsubscribed] && !held.forgotten)
            let stranger = try await store.personalData(of: "nobody@example.com", store: Fixtures.tokyo)
            #expect(stranger.isEmpty)
        }
    }
}
