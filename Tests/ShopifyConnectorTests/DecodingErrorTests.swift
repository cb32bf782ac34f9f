import AftercartConnector
import AftercartModel
import Foundation
import ShopifyConnector
import Testing

/// Malformed money, wrong types and missing fields fail with
/// `ConnectorError.decoding` naming the resource and the field; never a crash.
@Suite struct DecodingErrorTests {
    let orders = ShopifyOrderMapper(store: "osaka-shopify")

    func decodingFailure(_ body: () throws -> Void) -> (field: String, reason: String, context: ErrorContext)? {
        do {
            try body()
            Issue.record("expected a decoding error")
        } catch let error as ConnectorError {
            if case .decoding(let field, let reason, let context) = error { return (field, reason, context) }
            Issue.record("expected .decoding, got \(error)")
        } catch {
            Issue.record("expected ConnectorError, got \(error)")
        }
        return nil
    }

    @Test(arguments: ["12,50", "abc", "", "1e3", "NaN", "12.5.0"])
    func malformedMoneyNamesTheField(text: String) throws {
        let body = try ShopifyFixtures.ordersPage { $0["total_price"] = text }
        let failure = try #require(decodingFailure { _ = try orders.mapPage(body) })
        #expect(failure.field == "orders[0].total_price")
        #expect(failure.reason.contains("not a decimal amount"))
        #expect(failure.reason.contains("order 450789469"))
        #expect(failure.context.resource == "orders")
        #expect(failure.context.store == "osaka-shopify")
    }

    @Test func moneyAsANumberIsAWrongType() throws {
        let body = try ShopifyFixtures.ordersPage { $0["total_price"] = 598.94 }
        let failure = try #require(decodingFailure { _ = try orders.mapPage(body) })
        #expect(failure.field == "orders[0].total_price")
        #expect(failure.reason == "expected a string")
    }

    @Test func nestedLineItemPrice() throws {
        let body = try ShopifyFixtures.ordersPage { order in
            var items = order["line_items"] as! [[String: Any]]
            items[1]["price"] = "199,00"
            order["line_items"] = items
        }
        let failure = try #require(decodingFailure { _ = try orders.mapPage(body) })
        #expect(failure.field == "orders[0].line_items[1].price")
    }

    @Test func missingRequiredField() throws {
        let body = try ShopifyFixtures.ordersPage { $0.removeValue(forKey: "created_at") }
        let failure = try #require(decodingFailure { _ = try orders.mapPage(body) })
        #expect(failure.field == "orders[0].created_at")
        #expect(failure.reason == "missing")
    }

    @Test func idAsTextIsAWrongType() throws {
        let body = try ShopifyFixtures.ordersPage { $0["id"] = "450789469" }
        let failure = try #require(decodingFailure { _ = try orders.mapPage(body) })
        #expect(failure.field == "orders[0].id")
    }

    @Test func badDateAndBadCurrency() throws {
        let date = try #require(
            decodingFailure {
                _ = try orders.mapPage(try ShopifyFixtures.ordersPage { $0["updated_at"] = "yesterday" })
            })
        #expect(date.field == "orders[0].updated_at")
        let currency = try #require(
            decodingFailure {
                _ = try orders.mapPage(try ShopifyFixtures.ordersPage { $0["currency"] = "dollars" })
            })
        #expect(currency.field == "orders[0].currency")
    }

    @Test func refundTransactionAmount() throws {
        let body = try ShopifyFixtures.ordersPage { order in
            var refunds = order["refunds"] as! [[String: Any]]
            var transactions = refunds[0]["transactions"] as! [[String: Any]]
            transactions[0]["amount"] = "two hundred"
            refunds[0]["transactions"] = transactions
            order["refunds"] = refunds
        }
        let failure = try #require(decodingFailure { _ = try orders.mapPage(body) })
        #expect(failure.field == "orders[0].refunds[0].transactions[0].amount")
    }

    @Test func notJSONAndWrongRoot() throws {
        let garbage = try #require(decodingFailure { _ = try orders.mapPage(Data("<html>oops</html>".utf8)) })
        #expect(garbage.field == "(body)")
        #expect(garbage.context.bodySnippet?.hasPrefix("<html>") == true)
        let wrongRoot = try #require(decodingFailure { _ = try orders.mapPage(Data(#"{"order":[]}"#.utf8)) })
        #expect(wrongRoot.field == "orders")
        #expect(wrongRoot.reason == "missing")
        let notArray = try #require(decodingFailure { _ = try orders.mapPage(Data(#"{"orders":{}}"#.utf8)) })
        #expect(notArray.field == "orders")
    }

    @Test func customerTotalSpent() throws {
        let body = try ShopifyFixtures.customersPage { $0["total_spent"] = "lots" }
        let failure = try #require(decodingFailure { _ = try ShopifyCustomerMapper(store: "s").mapPage(body) })
        #expect(failure.field == "customers[0].total_spent")
        #expect(failure.context.resource == "customers")
    }

    @Test func priceRuleValue() throws {
        let rule = try ShopifyFixtures.priceRule("shopify_price_rule.json") { $0["value"] = "ten off" }
        let failure = try #require(
            decodingFailure {
                _ = try ShopifyCouponMapper(store: "s", currency: .usd).mapCoupons(
                    priceRule: rule, discountCodes: try ShopifyFixtures.data("shopify_discount_code.json"))
            })
        #expect(failure.field == "price_rule.value")
        #expect(failure.context.resource == "coupons")
    }

    @Test func loyaltyPointsMustBeWhole() throws {
        let keys = ShopifyLoyaltyMetafields(namespace: "loyalty", pointsKey: "points")
        let body = Data(#"{"metafields":[{"namespace":"loyalty","key":"points","value":"12.5"}]}"#.utf8)
        let failure = try #require(
            decodingFailure {
                _ = try ShopifyLoyaltyMapper(store: "s", keys: keys).mapMetafields(body, customerID: "7")
            })
        #expect(failure.field == "metafields[0].value")
        #expect(failure.context.resource == "loyalty")
    }

    @Test func errorLineNamesStoreResourceAndField() throws {
        let body = try ShopifyFixtures.ordersPage { $0["total_tax"] = "x" }
        do {
            _ = try orders.mapPage(body)
            Issue.record("expected an error")
        } catch {
            let line = String(describing: error)
            #expect(line.hasPrefix("osaka-shopify orders: "))
            #expect(line.contains("field orders[0].total_tax"))
        }
    }
}
