import AftercartConfig
import AftercartModel
import Foundation
import Testing

@testable import AftercartEngage

/// The planner asks the store for only the writes a campaign's `push_back`
/// lists: by default a private order note, never a tag nobody asked for.
@Suite struct PushBackPlanningTests {
    typealias F = EngageFixture

    /// Plans the review request for a customer with an account (order 10)
    /// and a guest (order 11), with `pushBack` (`nil`: as configured).
    func plannedEmails(pushBack: Set<CampaignPushBack>?) async throws -> [String: EmailAction] {
        var fixture = try await F.make()
        defer { Task { [fixture] in await fixture.remove() } }
        fixture.only("review-request")
        if let pushBack { fixture.configuration.campaigns[0].pushBack = pushBack }
        try await fixture.save([F.customer("1")])
        try await fixture.save([
            F.order(
                "10", customer: "1", created: F.now - 12 * F.day, shipment: .delivered, delivered: F.now - 8 * F.day),
            F.order(
                "11", customer: nil, email: "guest@example.test", created: F.now - 12 * F.day, shipment: .delivered,
                delivered: F.now - 8 * F.day, consent: true),
        ])
        let emails = try await fixture.plan().emails("review-request")
        return Dictionary(uniqueKeysWithValues: emails.compactMap { email in email.orderID.map { ($0, email) } })
    }

    @Test func byDefaultOnlyAPrivateOrderNoteIsPlanned() async throws {
        let emails = try await plannedEmails(pushBack: nil)
        #expect(emails.count == 2)
        for email in emails.values {
            #expect(email.pushBack?.orderNote == "Aftercart: review-request email sent {date}")
            #expect(email.pushBack?.customerTags == [])
        }
    }

    @Test func anEmptyListWritesNothingIntoTheStore() async throws {
        let emails = try await plannedEmails(pushBack: [])
        #expect(emails.count == 2)
        #expect(emails.values.allSatisfy { $0.pushBack == nil })
    }

    @Test func aCustomerTagIsPlannedOnlyForACustomerWithAnAccount() async throws {
        let emails = try await plannedEmails(pushBack: [.customerTag])
        #expect(emails["10"]?.pushBack == EmailAction.PushBack(customerTags: ["aftercart-review-request"]))
        #expect(emails["11"]?.pushBack == nil)
        let both = try await plannedEmails(pushBack: [.orderNote, .customerTag])
        #expect(both["10"]?.pushBack?.customerTags == ["aftercart-review-request"])
        #expect(both["10"]?.pushBack?.orderNote != nil)
        #expect(both["11"]?.pushBack?.customerTags == [])
        #expect(both["11"]?.pushBack?.orderNote != nil)
    }
}
