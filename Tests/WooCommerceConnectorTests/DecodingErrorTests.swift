import AftercartConnector
import AftercartModel
import Foundation
import Testing
import WooCommerceConnector

/// Malformed payloads become typed errors naming resource and field,
/// never a crash and never a silently wrong record.
@Suite struct DecodingErrorTests {
    let orders = WooCommerceOrderMapper(store: "test-woo")

    func orderPageError(_ changes: [String: Any], removing: [String] = [], at position: Int = 1) throws
        -> WooCommerceDecodingError
    {
        var bodies = try (0..<3).map { _ in try WooFixtures.order() }
        bodies[position] = try WooFixtures.order(changes, removing: removing)
        let page = try WooFixtures.page(bodies)
        do {
            _ = try orders.mapPage(page)
        } catch {
            return error
        }
        Issue.record("no error for \(changes) removing \(removing)")
        return WooCommerceDecodingError(resource: .orders, field: "", reason: "")
    }

    @Test func malformedMoneyNamesResourceIndexAndField() throws {
        let error = try orderPageError(["total": "abc"])
        #expect(error.resource == .orders)
        #expect(error.field == "orders[1].total")
        #expect(error.reason == #""abc" is not a decimal"#)
        #expect(error.recordID == "727")
        #expect(error.description == #"orders[1].total: "abc" is not a decimal (id 727)"#)
    }

    @Test func malformedLineMoneyNamesTheLine() throws {
        var items = try #require(try WooFixtures.object("woocommerce_order.json")["line_items"] as? [[String: Any]])
        items[1]["subtotal"] = "12,00"
        let error = try orderPageError(["line_items": items], at: 2)
        #expect(error.field == "orders[2].line_items[1].subtotal")
        #expect(error.reason == #""12,00" is not a decimal"#)
    }

    @Test func malformedRefundNamesTheRefund() throws {
        let error = try orderPageError(["refunds": [["id": 1, "total": "-x"]]])
        #expect(error.field == "orders[1].refunds[0].total")
    }

    @Test(arguments: ["id", "status", "currency", "total"])
    func missingRequiredFieldsAreNamed(field: String) throws {
        let error = try orderPageError([:], removing: [field])
        #expect(error.field == "orders[1].\(field)")
        #expect(error.reason == "missing")
    }

    @Test func missingCreationDateIsNamed() throws {
        let error = try orderPageError([:], removing: ["date_created_gmt", "date_created"])
        #expect(error.field == "orders[1].date_created_gmt")
        #expect(error.reason == "missing")
    }

    @Test func malformedDateIsNamed() throws {
        let error = try orderPageError(["date_paid_gmt": "yesterday"])
        #expect(error.field == "orders[1].date_paid_gmt")
        #expect(error.reason == #""yesterday" is not an ISO 8601 date-time"#)
    }

    @Test func wrongTypesAreNamed() throws {
        #expect(try orderPageError(["line_items": "none"]).field == "orders[1].line_items")
        #expect(try orderPageError(["line_items": "none"]).reason == "expected an array")
        #expect(try orderPageError(["billing": "john"]).reason == "expected an object")
        #expect(try orderPageError(["status": 5]).reason == "expected a string")
        #expect(try orderPageError(["total": true]).field == "orders[1].total")
        let id = try orderPageError(["id": "seven"])
        #expect(id.field == "orders[1].id")
        #expect(id.reason == #""seven" is not an integer"#)
        #expect(try orderPageError(["currency": "euro"]).field == "orders[1].currency")
        #expect(try orderPageError(["id": 0]).field == "orders[1].id")
    }

    @Test func bodiesThatAreNotPagesAreNamed() throws {
        #expect(throws: WooCommerceDecodingError(resource: .orders, field: "orders", reason: "not valid JSON")) {
            _ = try orders.mapPage(Data("<html>".utf8))
        }
        #expect(throws: WooCommerceDecodingError(resource: .orders, field: "orders", reason: "expected an array")) {
            _ = try orders.mapPage(Data(#"{"code":"rest_no_route"}"#.utf8))
        }
        #expect(try orders.mapPage(Data("[]".utf8)).records.isEmpty)
    }

    @Test func decodingErrorBecomesAConnectorError() throws {
        let error = WooCommerceDecodingError(resource: .orders, field: "orders[1].total", reason: "bad")
        let converted = error.connectorError(ErrorContext(store: "tokyo-woo"))
        guard case .decoding(let field, let reason, let context) = converted else {
            Issue.record("wrong case \(converted)")
            return
        }
        #expect(field == "orders[1].total")
        #expect(reason == "bad")
        #expect(context.store == "tokyo-woo")
        #expect(context.resource == "orders")
    }

    @Test func otherResourcesNameTheirFieldsToo() throws {
        let coupons = WooCommerceCouponMapper(store: "s", currency: .usd)
        #expect(
            throws: WooCommerceDecodingError(
                resource: .coupons, field: "coupons[0].amount", reason: #""ten" is not a decimal"#, recordID: "5")
        ) {
            _ = try coupons.mapPage(Data(#"[{"id":5,"code":"x","amount":"ten","discount_type":"percent"}]"#.utf8))
        }
        let reviews = WooCommerceReviewMapper(store: "s")
        #expect(
            throws: WooCommerceDecodingError(
                resource: .reviews, field: "reviews[0].rating", reason: "7 is outside 0...5", recordID: "3")
        ) {
            _ = try reviews.mapPage(
                Data(
                    #"[{"id":3,"product_id":1,"rating":7,"reviewer_email":"a@b.c","date_created_gmt":"2020-01-01T00:00:00"}]"#
                        .utf8))
        }
        let customers = WooCommerceCustomerMapper(store: "s", currency: .usd)
        #expect(
            throws: WooCommerceDecodingError(
                resource: .customers, field: "customers[0].total_spent", reason: #""lots" is not a decimal"#,
                recordID: "8")
        ) {
            _ = try customers.mapPage(Data(#"[{"id":8,"email":"a@b.c","total_spent":"lots"}]"#.utf8))
        }
    }
}
