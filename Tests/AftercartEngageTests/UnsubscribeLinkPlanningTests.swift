import AftercartConfig
import AftercartModel
import AftercartStore
import Foundation
import Testing

@testable import AftercartEngage

/// Marketing email carries a signed one-click unsubscribe link for its
/// recipient (for its `List-Unsubscribe` header and the templates' footer);
/// transactional email carries none.
@Suite struct UnsubscribeLinkPlanningTests {
    typealias F = EngageFixture
    let now = F.now
    let day = F.day

    @Test func marketingMailCarriesItsRecipientsLinkAndOrderMailNone() async throws {
        var fixture = try await F.make()
        defer { Task { [fixture] in await fixture.remove() } }
        fixture.only("review-request", "order-confirmation")
        fixture.configuration.server.publicURL = URL(string: "https://aftercart.shop.example/")
        try await fixture.save([F.customer("1")])
        try await fixture.save([
            F.order("10", customer: "1", created: now - 12 * day, shipment: .delivered, delivered: now - 8 * day),
            F.order("11", customer: "1", created: now - 3600),
        ])
        let report = try await fixture.plan()
        let review = try #require(try report.emails("review-request").first)
        let link = try #require(review.unsubscribeURL)
        #expect(link.hasPrefix("https://aftercart.shop.example/unsubscribe/"))
        let links = try await UnsubscribeLink.load(
            publicURL: try #require(fixture.configuration.server.publicURL), linkSecret: nil, from: fixture.database)
        let named = try #require(links.verify(String(link.split(separator: "/").last!)))
        #expect(named.store == F.store)
        #expect(named.email == review.to.lowercased())
        // The visible way out, in both parts.
        #expect(review.text.contains("Unsubscribe here: \(link)"))
        #expect(review.html.contains("<a href=\"\(link)\">Unsubscribe</a>"))

        let confirmation = try #require(try report.emails("order-confirmation").first)
        #expect(confirmation.transactional)
        #expect(confirmation.unsubscribeURL == nil)
        #expect(!confirmation.text.contains("/unsubscribe/") && !confirmation.html.contains("/unsubscribe/"))
    }

    @Test func withoutAPublicURLNoLinkIsMade() async throws {
        var fixture = try await F.make()
        defer { Task { [fixture] in await fixture.remove() } }
        fixture.only("review-request")
        try await fixture.save([F.customer("1")])
        try await fixture.save([
            F.order("10", customer: "1", created: now - 12 * day, shipment: .delivered, delivered: now - 8 * day)
        ])
        #expect(try await fixture.plan().emails("review-request").first?.unsubscribeURL == nil)
    }
}
