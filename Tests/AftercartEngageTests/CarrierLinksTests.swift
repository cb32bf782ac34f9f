import AftercartConfig
import AftercartModel
import Foundation
import Testing

@testable import AftercartEngage

/// Tracking links built from carrier and number when the platform gives
/// none: each carrier's public page, the number encoded into it, nothing
/// for a carrier not known.
@Suite struct CarrierLinksTests {
    func link(_ carrier: String?, _ number: String, url: String? = nil, locale: String = "ja-JP") -> String? {
        CarrierLinks.trackingURL(for: Shipment(carrier: carrier, number: number, url: url), locale: locale)
    }

    @Test func eachCarrierLinksToItsPublicTrackingPage() {
        #expect(
            link("Yamato", "444413758703")
                == "https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?number00=1&number01=444413758703")
        #expect(
            link("Sagawa", "512547514334")
                == "https://k2k.sagawa-exp.co.jp/p/web/okurijosearch.do?okurijoNo=512547514334")
        #expect(
            link("Japan Post", "405548424886")
                == "https://trackings.post.japanpost.jp/services/srv/search/direct?reqCodeNo1=405548424886&searchKind=S002&locale=ja"
        )
        #expect(
            link("Japan Post", "405548424886", locale: "en-US")
                == "https://trackings.post.japanpost.jp/services/srv/search/direct?reqCodeNo1=405548424886&searchKind=S002&locale=en"
        )
        #expect(link("Seino", "1234567890") == "https://track.seino.co.jp/cgi-bin/gnpquery.pgm?GNPNO1=1234567890")
        #expect(
            link("USPS", "9400111899223397694790")
                == "https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223397694790")
        #expect(link("UPS", "1Z999AA10123456784") == "https://www.ups.com/track?tracknum=1Z999AA10123456784")
        #expect(link("FedEx", "123456789012") == "https://www.fedex.com/fedextrack/?trknbr=123456789012")
        #expect(
            link("DHL", "1234567890")
                == "https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id=1234567890")
    }

    @Test func carriersAreRecognisedByEverySpellingTheStoresUse() {
        let spellings: [String: CarrierLinks.Carrier] = [
            "yamato-transport": .yamato, "Kuroneko Yamato": .yamato, "ヤマト運輸": .yamato, "クロネコヤマト": .yamato,
            "ＹＡＭＡＴＯ": .yamato, "Sagawa Express": .sagawa, "佐川急便": .sagawa, "JP Post": .japanPost,
            "ゆうパック": .japanPost, "ゆうパケット": .japanPost, "Yu-Packet": .japanPost, "日本郵便": .japanPost,
            "西濃運輸": .seino, "Seino Transportation": .seino, "usps": .usps, "U.P.S.": .ups, "Fed-Ex": .fedex,
            "FedEx": .fedex, "DHL Express": .dhl,
        ]
        for (spelling, carrier) in spellings {
            #expect(CarrierLinks.carrier(named: spelling) == carrier, "\(spelling)")
        }
        // Every spelling the locale tables translate also gets a link.
        for locale in MessageLocale.shipped {
            for key in LocaleStrings.shipped(locale).values.keys where key.hasPrefix("carrier.") {
                #expect(CarrierLinks.carrier(named: String(key.dropFirst("carrier.".count))) != nil, "\(key)")
            }
        }
    }

    @Test func theNumberIsPercentEncodedIntoOneQueryValue() {
        #expect(link("UPS", "1Z 999&x=1#y") == "https://www.ups.com/track?tracknum=1Z%20999%26x%3D1%23y")
        #expect(
            link("Sagawa", "A+B/C?") == "https://k2k.sagawa-exp.co.jp/p/web/okurijosearch.do?okurijoNo=A%2BB%2FC%3F")
        #expect(
            link("Yamato", "４４４４-１３７５")
                == "https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?number00=1&number01=4444-1375")
        #expect(
            link("DHL", "番号")
                == "https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id=%E7%95%AA%E5%8F%B7"
        )
    }

    @Test func thePlatformsOwnPageWinsWhenItIsAWebAddress() {
        #expect(link("Yamato", "1", url: "https://track.example/1") == "https://track.example/1")
        // A stored script or local address is no link; the carrier's page is used instead.
        #expect(
            link("USPS", "94001", url: "javascript:alert(1)")
                == "https://tools.usps.com/go/TrackConfirmAction?tLabels=94001")
        #expect(link("Kangaroo Express", "1", url: "data:text/html,<script>") == nil)
    }

    @Test func anUnknownCarrierOrABlankNumberGetsNoLink() {
        #expect(link("Kangaroo Express", "12345") == nil)
        #expect(link(nil, "12345") == nil)
        #expect(link("", "12345") == nil)
        #expect(link("Yamato", "  ") == nil)
    }
}
