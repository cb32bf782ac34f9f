import AftercartModel
import Foundation
import Testing
import WooCommerceConnector

/// The exact queries the adapter sends.
@Suite struct EndpointsTests {
    let since = WooFixtures.date("2026-11-23T00:38:27Z").addingTimeInterval(0.75)

    @Test func ordersFilterOnModificationNeverOnCreation() {
        let endpoint = WooCommerceEndpoints.orders(changedAfter: since)
        #expect(endpoint.path == "/wp-json/wc/v3/orders")
        #expect(endpoint.queryValue("modified_after") == "2026-11-23T00:38:27")
        #expect(endpoint.queryValue("dates_are_gmt") == "true")
        #expect(endpoint.queryValue("after") == nil)
        #expect(endpoint.queryValue("orderby") == "id")
        #expect(endpoint.queryValue("order") == "asc")
        #expect(endpoint.pagination == .pageNumber(perPage: 100))
        #expect(endpoint.changeFilter == .modifiedAfter)
        #expect(
            endpoint.url(baseURL: "https://shop.example.com/")
                == "https://shop.example.com/wp-json/wc/v3/orders?orderby=id&order=asc&modified_after=2026-11-23T00%3A38%3A27&dates_are_gmt=true"
        )
    }

    @Test func firstSyncReadsEverything() {
        let endpoint = WooCommerceEndpoints.orders(changedAfter: nil)
        #expect(endpoint.queryValue("modified_after") == nil)
        #expect(
            endpoint.url(baseURL: "https://s.example") == "https://s.example/wp-json/wc/v3/orders?orderby=id&order=asc")
        #expect(
            WooCommerceEndpoints.orders(changedAfter: nil, ordering: .modifiedAscending).queryValue("orderby")
                == "modified")
    }

    @Test func couponsReviewsAndCustomers() {
        let coupons = WooCommerceEndpoints.coupons(changedAfter: since)
        #expect(coupons.path == "/wp-json/wc/v3/coupons")
        #expect(coupons.queryValue("modified_after") == "2026-11-23T00:38:27")
        #expect(coupons.queryValue("dates_are_gmt") == "true")

        let reviews = WooCommerceEndpoints.reviews(createdAfter: since)
        #expect(reviews.path == "/wp-json/wc/v3/products/reviews")
        #expect(reviews.queryValue("status") == "all")
        #expect(reviews.queryValue("after") == "2026-11-23T00:38:27")
        #expect(reviews.queryValue("dates_are_gmt") == "true")
        #expect(reviews.changeFilter == .createdAfter)

        let customers = WooCommerceEndpoints.customers()
        #expect(customers.path == "/wp-json/wc/v3/customers")
        #expect(customers.changeFilter == WooCommerceEndpoint.ChangeFilter.none)
        #expect(customers.queryValue("modified_after") == nil)
        #expect(WooCommerceEndpoints.customers(for: .loyalty).resource == .loyalty)
    }

    @Test func lookupsAndPluginRoutes() {
        #expect(
            WooCommerceEndpoints.coupon(code: "VIP 10%").url(baseURL: "https://s.example")
                == "https://s.example/wp-json/wc/v3/coupons?code=VIP%2010%25")
        #expect(
            WooCommerceEndpoints.advancedCouponsLoyaltyStatus(userID: "17").path
                == "/wp-json/wc-loyalty-program/v1/customers/status/17")
    }
}
