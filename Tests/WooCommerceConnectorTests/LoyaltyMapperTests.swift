import AftercartModel
import Foundation
import Testing
import WooCommerceConnector

/// Loyalty balances from customer meta and from Advanced Coupons.
@Suite struct LoyaltyMapperTests {
    let mapper = WooCommerceLoyaltyMapper(store: "s")
    let keys = WooCommerceLoyaltyMetaKeys(
        points: "_points_balance", pointsExpiring: "_points_expiring", expiresAt: "_points_expire_on", tier: "_tier")

    @Test func customerMetaBalances() throws {
        let body = #"""
            [{"id":4,"email":"a@example.test","date_modified_gmt":"2026-11-23T00:38:27","meta_data":[
               {"id":1,"key":"_points_balance","value":"1250"},{"id":2,"key":"_points_expiring","value":300},
               {"id":3,"key":"_points_expire_on","value":"2026-12-31"},{"id":4,"key":"_tier","value":"Gold"}]},
             {"id":5,"email":"b@example.test","meta_data":[{"id":5,"key":"_points_balance","value":"40.00"},
               {"id":6,"key":"_points_expire_on","value":"1767225600"}]},
             {"id":6,"email":"c@example.test","meta_data":[]}]
            """#
        let page = try mapper.mapCustomerMetaPage(Data(body.utf8), keys: keys)
        #expect(page.records.count == 2)
        let gold = page.records[0]
        #expect(gold.customerID == "4")
        #expect(gold.points == 1250)
        #expect(gold.pointsExpiring == 300)
        #expect(gold.expiresAt == WooFixtures.date("2026-12-31T00:00:00Z"))
        #expect(gold.tier == "Gold")
        #expect(gold.source == "customer_meta")
        #expect(gold.updatedAt == WooFixtures.date("2026-11-23T00:38:27Z"))
        let plain = page.records[1]
        #expect(plain.points == 40)
        #expect(plain.pointsExpiring == nil)
        #expect(plain.expiresAt == Date(timeIntervalSince1970: 1_767_225_600))
        #expect(plain.tier == nil)
        #expect(page.skipped == [WooCommerceSkippedRecord(id: "6", reason: .noLoyaltyBalance)])
    }

    @Test func fractionalPointsAreAnErrorNamingTheMetaKey() throws {
        let body = #"[{"id":4,"email":"a@example.test","meta_data":[{"id":1,"key":"_points_balance","value":"12.5"}]}]"#
        #expect(
            throws: WooCommerceDecodingError(
                resource: .loyalty, field: "loyalty[0].meta_data._points_balance",
                reason: "12.5 is not a whole number of points", recordID: "4")
        ) {
            _ = try mapper.mapCustomerMetaPage(Data(body.utf8), keys: keys)
        }
    }

    static let advancedCouponsStatus = #"""
        {"status":[{"label":"Total Points (All Time)","points":61,"value":"$6.10"},
                   {"label":"Unclaimed Points","points":45,"value":"$4.50"},
                   {"label":"Claimed Points","points":16,"value":"$1.60"},
                   {"label":"Expired Points","points":0,"value":"$0.00"}],
         "sources":[{"label":"Purchasing products","points":61}]}
        """#

    @Test func advancedCouponsStatusBalanceIsTheUnclaimedPoints() throws {
        let readAt = WooFixtures.date("2026-11-23T12:00:00Z")
        let account = try mapper.mapAdvancedCouponsStatus(
            Data(Self.advancedCouponsStatus.utf8), customerID: "17", readAt: readAt)
        #expect(account.customerID == "17")
        #expect(account.points == 45)
        #expect(account.tier == nil)
        #expect(account.pointsExpiring == nil)
        #expect(account.expiresAt == nil)
        #expect(account.source == "advanced_coupons")
        #expect(account.updatedAt == readAt)
    }

    @Test func translatedLabelsFallBackToTheSecondRow() throws {
        let body = #"{"status":[{"label":"Punkte gesamt","points":"61"},{"label":"Offene Punkte","points":"44"}]}"#
        let account = try mapper.mapAdvancedCouponsStatus(Data(body.utf8), customerID: "17", readAt: nil)
        #expect(account.points == 44)
    }

    @Test func unusableStatusBodiesAreNamed() throws {
        #expect(
            throws: WooCommerceDecodingError(
                resource: .loyalty, field: "loyalty.status", reason: "no unclaimed points row", recordID: "17")
        ) {
            _ = try mapper.mapAdvancedCouponsStatus(Data(#"{"status":[]}"#.utf8), customerID: "17", readAt: nil)
        }
        #expect(
            throws: WooCommerceDecodingError(
                resource: .loyalty, field: "loyalty.status[1].points", reason: #""many" is not a decimal"#,
                recordID: "17")
        ) {
            _ = try mapper.mapAdvancedCouponsStatus(
                Data(#"{"status":[{"label":"Total","points":1},{"label":"Unclaimed Points","points":"many"}]}"#.utf8),
                customerID: "17", readAt: nil)
        }
    }
}
