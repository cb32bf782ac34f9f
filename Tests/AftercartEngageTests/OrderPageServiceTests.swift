import AftercartConfig
import AftercartModel
import AftercartStore
import Foundation
import Testing

@testable import AftercartEngage

/// From an order-status link to its page over a real SQLite database: the
/// order read fresh, suggestions from the store's co-purchases without
/// what the customer owns, a view counted per order; every link that is not
/// a live order of a configured store gives no page.
@Suite struct OrderPageServiceTests {
    typealias F = EngageFixture
    let now = F.now
    let day = F.day

    @Test func aLinkOpensItsOrderWithSuggestionsAndCountsTheView() async throws {
        let fixture = try await F.make()
        defer { Task { [fixture] in await fixture.remove() } }
        // Others bought P1 with P2 and P3; customer 1 already owns P3.
        try await fixture.save([F.customer("1"), F.customer("2"), F.customer("3")])
        try await fixture.save([
            F.order("20", customer: "2", created: now - 30 * day, products: ["P1", "P2", "P3"]),
            F.order("30", customer: "3", created: now - 20 * day, products: ["P1", "P2"]),
            F.order("9", customer: "1", created: now - 40 * day, products: ["P3"]),
            F.order(
                "10", customer: "1", created: now - 2 * day, shipment: .inTransit, shipped: now - day,
                products: ["P1"]),
        ])
        let links = OrderPageLink(publicURL: URL(string: "https://aftercart.shop.example")!, secret: "page secret")
        let service = OrderPageService(
            links: links, database: fixture.database, configuration: fixture.configuration, now: { F.now })
        let store = fixture.configuration.stores[0].id

        let html = try #require(try await service.page(token: links.token(store: store, orderID: "10")))
        #expect(html.contains("#10"))
        #expect(html.contains("Product P2") && !html.contains("Product P3"), "\(html)")
        #expect(try await fixture.database.orderPageViews(store: store) == OrderPageViews(orders: 1, views: 1))
        _ = try await service.page(token: links.token(store: store, orderID: "10"))
        _ = try await service.page(token: links.token(store: store, orderID: "20"))
        #expect(try await fixture.database.orderPageViews(store: store) == OrderPageViews(orders: 2, views: 3))

        // An order placed after the suggestions were read still opens: the order is read fresh.
        try await fixture.save([F.order("11", customer: "1", created: now - 3600, products: ["P2"])])
        #expect(try await service.page(token: links.token(store: store, orderID: "11"))?.contains("#11") == true)

        try await fixture.database.markVanished(.orders, store: store, platformIDs: ["20"], at: now)
        let other = OrderPageLink(publicURL: links.publicURL, secret: "another install")
        let token = links.token(store: store, orderID: "10")
        for refused in [
            links.token(store: store, orderID: "404"), links.token(store: "not-configured", orderID: "10"),
            links.token(store: store, orderID: "20"), other.token(store: store, orderID: "10"),
            String(token.dropLast(3)), "", "../../etc/passwd",
        ] {
            #expect(try await service.page(token: refused) == nil, "\(refused)")
        }
        #expect(try await fixture.database.orderPageViews(store: store) == OrderPageViews(orders: 3, views: 4))
    }
}
