import AftercartModel
import Foundation
import Testing

/// Every money string and timestamp in the real payloads of `shared/fixtures`
/// must be readable by the model's parsers; the adapters build on them.
@Suite struct FixtureValueTests {
    static let moneyKeys: Set<String> = [
        "total", "subtotal", "discount_total", "discount_tax", "shipping_total", "shipping_tax", "cart_tax",
        "total_tax", "subtotal_tax", "tax_total", "shipping_tax_total", "amount", "total_price", "subtotal_price",
        "total_discounts", "current_total_price", "current_subtotal_price", "current_total_tax",
        "current_total_discounts", "total_line_items_price", "price", "minimum_amount", "maximum_amount",
        "total_spent", "value",
    ]

    @Test func everyFixtureParsesAsJSON() throws {
        let files = try FixtureFiles.allJSON()
        #expect(files.count >= 15, "fixtures not found under \(FixtureFiles.directory.path)")
        for file in files {
            #expect(throws: Never.self, "\(file.lastPathComponent)") {
                _ = try JSONSerialization.jsonObject(with: Data(contentsOf: file), options: [.fragmentsAllowed])
            }
        }
    }

    @Test func everyMoneyStringAndTimestampInTheFixturesParses() throws {
        var moneySeen = 0
        var datesSeen = 0
        for file in try FixtureFiles.allJSON() {
            let root = try JSONSerialization.jsonObject(with: Data(contentsOf: file), options: [.fragmentsAllowed])
            walk(root, key: nil) { key, value in
                guard let text = value as? String, !text.isEmpty else { return }
                if Self.moneyKeys.contains(key), text.first.map({ $0.isNumber || $0 == "-" }) == true {
                    moneySeen += 1
                    #expect(DecimalText.parse(text) != nil, "\(file.lastPathComponent): \(key) = \(text)")
                }
                if key.hasPrefix("date_") || key.hasSuffix("_at") || key.hasSuffix("_gmt") {
                    guard text.contains("T") else { return }
                    datesSeen += 1
                    #expect(Timestamp.parse(text) != nil, "\(file.lastPathComponent): \(key) = \(text)")
                }
            }
        }
        #expect(moneySeen > 50)
        #expect(datesSeen > 30)
    }

    @Test func wooCommerceGMTDatesAreReadAsUTC() throws {
        let url = FixtureFiles.directory.appendingPathComponent("woocommerce_order.json")
        let order = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let local = try #require(order["date_created"] as? String)
        let gmt = try #require(order["date_created_gmt"] as? String)
        #expect(Timestamp.format(try #require(Timestamp.parse(gmt))) == "2017-03-22T19:28:02Z")
        // The docs' store is three hours behind UTC: the zoneless local date differs by exactly that.
        let difference = try #require(Timestamp.parse(gmt)).timeIntervalSince(try #require(Timestamp.parse(local)))
        #expect(difference == 3 * 3600)
    }

    private func walk(_ node: Any, key: String?, visit: (String, Any) -> Void) {
        if let dictionary = node as? [String: Any] {
            for (childKey, child) in dictionary { walk(child, key: childKey, visit: visit) }
        } else if let array = node as? [Any] {
            for child in array { walk(child, key: key, visit: visit) }
        } else if let key {
            visit(key, node)
        }
    }
}
