import AftercartConnector
import AftercartJSON
import AftercartModel
import AftercartStore
import Foundation
import MockStores
import Testing

@testable import AftercartEngage

/// The byte scanner that fills the planner's order view agrees with
/// `JSONDecoder` decoding a full `Order`, and refuses what it refuses.
@Suite struct PlanningOrderScanTests {
    typealias S = ScanSources

    /// A stored order as `ModelJSON.encoder()` writes it, with a fractional
    /// timestamp (the scanner's slow path) in `updated_at`.
    static let stored = """
        {"coupon_codes":["WELCOME"],"created_at":"2026-11-01T10:00:00Z","currency":"JPY",\
        "customer":{"accepts_marketing":true,"email":"hana@example.test","first_name":"Hana","id":"42",\
        "last_name":"Sato"},"delivered_at":null,"discount_total":"0","financial_status":"paid",\
        "fulfillment_status":"fulfilled","id":"1001","line_items":[{"name":"Mug","product_id":"P1","quantity":2,\
        "sku":"SKU-1","total":"2400","unit_price":"1200","variant_id":null},{"name":"Gift wrap","product_id":null,\
        "quantity":1,"sku":null,"total":"0","unit_price":"0","variant_id":null}],"number":"1001",\
        "refunded_total":"0","shipment_status":"in_transit","shipped_at":"2026-11-02T10:00:00Z",\
        "shipping_total":"500","status":"processing","store":"tokyo-woo","subtotal":"2400","tax_total":"0",\
        "total":"2900","tracking":[{"carrier":"Yamato","number":"1234","url":null}],\
        "updated_at":"2026-11-02T10:00:00.250Z"}
        """

    @Test func aStoredOrderScansAsItDecodes() throws {
        let scanned = try S.scanOrder(Self.stored)
        #expect(scanned == (try S.decodeOrder(Self.stored)))
        #expect(scanned.lineItems.map(\.productID) == ["P1", nil])
        #expect(scanned.updatedAt == Timestamp.parse("2026-11-02T10:00:00.250Z"))
    }

    @Test func fixtureOrdersScanAsTheyDecode() throws {
        let orders = try S.fixtureOrders()
        #expect(orders.count >= 3)
        for order in orders {
            let json = try S.stored(order)
            #expect(try S.scanOrder(json) == PlanningOrder(order), "order \(order.id)")
            #expect(try S.scanOrder(json) == (try S.decodeOrder(json)), "order \(order.id)")
            #expect(
                try S.scanOrder(OrderPlanningProjection.json(of: order)) == PlanningOrder(order), "order \(order.id)")
        }
    }

    @Test(arguments: [MockPlatform.woocommerce, .shopify])
    func emulatorRecordsScanAsTheyDecode(_ platform: MockPlatform) async throws {
        let resources: [ResourceKind] =
            platform == .woocommerce ? [.orders, .customers, .reviews] : [.orders, .customers]
        var orders = 0
        for batch in try await S.emulatorRecords(platform, orders: 150, resources: resources) {
            switch batch {
            case .orders(let records):
                orders += records.count
                for order in records {
                    let json = try S.stored(order)
                    #expect(try S.scanOrder(json) == PlanningOrder(order), "order \(order.id)")
                    #expect(try S.scanOrder(json) == (try S.decodeOrder(json)), "order \(order.id)")
                    #expect(
                        try S.scanOrder(OrderPlanningProjection.json(of: order)) == PlanningOrder(order),
                        "order \(order.id)")
                }
            case .customers(let records):
                for customer in records {
                    let scanned = try ParallelDecoding.withUTF8(try S.stored(customer), RecordScan.customer)
                    #expect(scanned == customer)
                }
            case .reviews(let records):
                for review in records {
                    #expect(try ParallelDecoding.withUTF8(try S.stored(review), RecordScan.review) == review)
                }
            case .coupons, .loyalty: break
            }
        }
        #expect(orders == 150)
    }

    @Test func loyaltyAccountsScanAsTheyDecode() throws {
        let accounts = [
            EngageFixture.loyalty("7", points: 1200, tier: "gold", expiring: 300, expires: EngageFixture.now),
            EngageFixture.loyalty("8", points: 0, tier: nil),
        ]
        for account in accounts {
            #expect(try ParallelDecoding.withUTF8(try S.stored(account), RecordScan.loyaltyAccount) == account)
        }
    }

    @Test func escapedStringsAreUnescaped() throws {
        let json = Self.stored
            .replacingOccurrences(
                of: #""first_name":"Hana""#, with: #""first_name":"H\u00e4na \"Q\" \\ \/ \ud83d\ude00""#
            )
            .replacingOccurrences(of: #""name":"Mug""#, with: #""name":"Mug\n\t\b\f\r \u30de\u30b0""#)
            .replacingOccurrences(of: #""id":"1001""#, with: #""\u0069d":"10\u00301""#)
        let scanned = try S.scanOrder(json)
        #expect(scanned == (try S.decodeOrder(json)))
        #expect(scanned.customer.firstName == "Häna \"Q\" \\ / 😀")
        #expect(scanned.lineItems.first?.name == "Mug\n\t\u{08}\u{0C}\r マグ")
        #expect(scanned.id == "1001")
    }

    @Test func unknownMembersAreSkipped() throws {
        let extra = #""zz_extra":{"nested":[1,-2.5e3,0.25,true,false,null,{"deep":["\"]}{["]}],"s":"\u005d"},"#
        let json = Self.stored
            .replacingOccurrences(of: #"{"coupon_codes""#, with: "{" + extra + #" "aa" : [ ] , "coupon_codes""#)
            .replacingOccurrences(of: #""customer":{"#, with: #""customer":{"tags":["vip"],"#)
            .replacingOccurrences(of: #"{"name":"Mug","#, with: #"{"meta":{"gift":true,"n":12},"name":"Mug","#)
        let scanned = try S.scanOrder(json)
        #expect(scanned == (try S.decodeOrder(json)))
        #expect(scanned == (try S.scanOrder(Self.stored)))
    }

    @Test func whitespaceAndMissingOptionalMembersAreAccepted() throws {
        let json = Self.stored
            .replacingOccurrences(of: #","delivered_at":null"#, with: "")
            .replacingOccurrences(of: #""tracking":[{"carrier":"Yamato","number":"1234","url":null}],"#, with: "")
            .replacingOccurrences(of: ",", with: " ,\n\t")
            .replacingOccurrences(of: ":", with: " : ")
        // The ':' inside timestamps moved too; put them back.
        let fixed = json.replacingOccurrences(of: " : 00", with: ":00")
        #expect(try S.scanOrder(fixed) == (try S.decodeOrder(fixed)))
    }

    static let malformed: [String] = [
        "",
        "[]",
        #"{"id":"1"}"#,  // required members missing
        stored + "x",
        stored.replacingOccurrences(of: #""number":"1001","#, with: #""number":"1001",,"#),
        stored.replacingOccurrences(of: #""number":"1001","#, with: #""number" "1001","#),
        stored.replacingOccurrences(of: #""quantity":2"#, with: #""quantity":02"#),
        stored.replacingOccurrences(of: #""quantity":2"#, with: #""quantity":2.5"#),
        stored.replacingOccurrences(of: #""quantity":2"#, with: #""quantity":"2""#),
        stored.replacingOccurrences(of: #""first_name":"Hana""#, with: #""first_name":"Ha\qna""#),
        stored.replacingOccurrences(of: #""first_name":"Hana""#, with: #""first_name":"\ud83d""#),
        stored.replacingOccurrences(of: #""first_name":"Hana""#, with: #""first_name":"\u12""#),
        stored.replacingOccurrences(of: #""first_name":"Hana""#, with: "\"first_name\":\"Ha\u{01}na\""),
        stored.replacingOccurrences(of: #""status":"processing""#, with: #""status":"shipped""#),
        stored.replacingOccurrences(of: #""total":"2900""#, with: #""total":"29x""#),
        stored.replacingOccurrences(of: #""total":"2900""#, with: #""total":2900"#),
        stored.replacingOccurrences(of: #""created_at":"2026-11-01T10:00:00Z""#, with: #""created_at":"2026-11-01""#),
        stored.replacingOccurrences(of: #""created_at":"2026-11-01T10:00:00Z","#, with: ""),
        stored.replacingOccurrences(of: #""currency":"JPY""#, with: #""currency":"YEN!""#),
        stored.replacingOccurrences(of: #""customer":{"#, with: #""customer":["#),
        stored.replacingOccurrences(of: #""accepts_marketing":true"#, with: #""accepts_marketing":tru"#),
        stored.replacingOccurrences(
            of: #""tracking":[{"carrier":"Yamato","number":"1234","url":null}]"#,
            with: #""tracking":[{"carrier":"Yamato"}]"#),
        stored.replacingOccurrences(of: #""coupon_codes":["WELCOME"]"#, with: #""coupon_codes":[1]"#),
        stored.replacingOccurrences(of: #""name":"Gift wrap","#, with: ""),
        stored.replacingOccurrences(of: #""store":"tokyo-woo""#, with: #""store":null"#),
    ]

    @Test(arguments: malformed)
    func malformedOrMistypedJSONIsRefusedAsDecodingRefusesIt(_ json: String) throws {
        #expect(json != Self.stored)
        #expect(throws: (any Error).self) { try S.decodeOrder(json) }
        #expect(throws: JSONScanError.self) { try S.scanOrder(json) }
    }

    /// Grammar `JSONDecoder` lets through but JSON does not allow: stored
    /// payloads never have it, and the scanner holds to the grammar.
    static let lenientlyDecoded: [String] = [
        stored.replacingOccurrences(of: #""coupon_codes":["WELCOME"]"#, with: #""coupon_codes":["WELCOME",]"#),
        stored.replacingOccurrences(of: #""tracking":[{"#, with: #""tracking":[,{"#),
        stored.replacingOccurrences(of: #""url":null}]"#, with: #""url":null,}]"#),
    ]

    @Test(arguments: lenientlyDecoded)
    func strayCommasAreRefused(_ json: String) throws {
        #expect(json != Self.stored)
        #expect(throws: JSONScanError.self) { try S.scanOrder(json) }
    }

    @Test func everyTruncationIsRefused() throws {
        let bytes = Array(Self.stored.utf8)
        for length in 0..<bytes.count {
            let thrown = bytes.withUnsafeBufferPointer { all in
                (try? PlanningOrder(json: UnsafeBufferPointer(rebasing: all[..<length]))) == nil
            }
            #expect(thrown, "a document cut after \(length) bytes was accepted")
        }
    }

    @Test func errorsSayWhatAndWhere() throws {
        let json = Self.stored.replacingOccurrences(of: #""status":"processing""#, with: #""status":"shipped""#)
        let error = try #require(throws: JSONScanError.self) { try S.scanOrder(json) }
        #expect(error.description.contains("not a known order status at byte"))
        let truncated = String(Self.stored.prefix(40))
        let cut = try #require(throws: JSONScanError.self) { try S.scanOrder(truncated) }
        #expect(cut.description.contains("unterminated string") || cut.description.contains("unexpected end"))
    }

    @Test(arguments: [
        "0", "1200", "1200.00", "-31.90", "+5", ".5", "5.", "0.000", "-0", "-0.00", "123456789012345678",
        "1234567890123456789.5", " 12", "12 ", "1.2.3", "", "-", "abc", "12a",
    ])
    func amountsReadAsDecimalTextReadsThem(_ text: String) {
        let fast = Array(text.utf8).withUnsafeBufferPointer { DecimalText.parse(utf8: $0) }
        let model = DecimalText.parse(text)
        #expect(fast == model)
        // Same scale too: amounts print as they did.
        #expect(fast?.exponent == model?.exponent)
        #expect(fast?.significand == model?.significand)
    }

    @Test func wholeSecondTimestampsMatchTheModelParser() {
        var seconds = -2_208_988_800  // 1900-01-01
        while seconds < 4_102_444_800 {  // 2100-01-01
            let text = Timestamp.format(Date(timeIntervalSince1970: Double(seconds)))
            let fast = Array(text.utf8).withUnsafeBufferPointer { UTCTimestamp.date($0) }
            #expect(fast == Timestamp.parse(text), "\(text)")
            seconds += 86_400 * 13 + 3_671
        }
        for text in ["2026-02-30T10:00:00Z", "2026-13-01T10:00:00Z", "2026-11-01T24:00:00Z", "2026-11-01T10:00:60Z"] {
            let fast = Array(text.utf8).withUnsafeBufferPointer { UTCTimestamp.date($0) }
            #expect(fast == Timestamp.parse(text), "\(text)")
        }
    }
}
