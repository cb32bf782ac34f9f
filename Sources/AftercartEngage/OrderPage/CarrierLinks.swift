import AftercartConfig
public import AftercartModel
import Foundation

/// The page where a customer follows a parcel: the one the platform gave,
/// else the carrier's public tracking page for the number, for the carriers
/// Japanese and US shops use. A carrier not known here gets no link; the
/// page then shows the number alone, which the customer can still quote.
public enum CarrierLinks {
    /// A carrier whose public tracking page takes the number in its address.
    enum Carrier: Sendable, Hashable, CaseIterable {
        case yamato, sagawa, japanPost, seino, usps, ups, fedex, dhl

        /// The tracking page with `number` (already percent-encoded) in it.
        /// Japan Post's page has an English version, which English pages open.
        func url(number: String, english: Bool) -> String {
            switch self {
            case .yamato: "https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?number00=1&number01=\(number)"
            case .sagawa: "https://k2k.sagawa-exp.co.jp/p/web/okurijosearch.do?okurijoNo=\(number)"
            case .japanPost:
                "https://trackings.post.japanpost.jp/services/srv/search/direct?reqCodeNo1=\(number)"
                    + "&searchKind=S002&locale=\(english ? "en" : "ja")"
            case .seino: "https://track.seino.co.jp/cgi-bin/gnpquery.pgm?GNPNO1=\(number)"
            case .usps: "https://tools.usps.com/go/TrackConfirmAction?tLabels=\(number)"
            case .ups: "https://www.ups.com/track?tracknum=\(number)"
            case .fedex: "https://www.fedex.com/fedextrack/?trknbr=\(number)"
            case .dhl:
                "https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id=\(number)"
            }
        }
    }

    /// Every spelling a store may report for a carrier, as
    /// ``AftercartConfig/LocaleStrings/carrierKey(_:)`` reduces it: the
    /// `[carrier]` tables' keys plus the carriers' Japanese names, which
    /// Japanese shipping plugins store.
    static let carriers: [String: Carrier] = [
        "yamato": .yamato, "yamatotransport": .yamato, "kuronekoyamato": .yamato, "kuroneko": .yamato,
        "ヤマト運輸": .yamato, "クロネコヤマト": .yamato, "ヤマト": .yamato, "宅急便": .yamato,
        "sagawa": .sagawa, "sagawaexpress": .sagawa, "佐川急便": .sagawa, "佐川": .sagawa,
        "japanpost": .japanPost, "jppost": .japanPost, "yubin": .japanPost, "yupack": .japanPost,
        "yupacket": .japanPost, "日本郵便": .japanPost, "ゆうパック": .japanPost, "ゆうパケット": .japanPost,
        "郵便局": .japanPost,
        "seino": .seino, "seinotransportation": .seino, "西濃運輸": .seino, "西濃": .seino,
        "usps": .usps, "unitedstatespostalservice": .usps,
        "ups": .ups, "unitedparcelservice": .ups,
        "fedex": .fedex, "federalexpress": .fedex,
        "dhl": .dhl, "dhlexpress": .dhl,
    ]

    /// The carrier a store's name for it stands for, if it is one of ours.
    static func carrier(named name: String?) -> Carrier? {
        guard let name else { return nil }
        return carriers[LocaleStrings.carrierKey(name)]
    }

    /// Where the customer follows `shipment`: the platform's own tracking
    /// page when it gave one, else the carrier's page for the number; `nil`
    /// for an unknown carrier or a blank number. Only `http(s)` addresses
    /// are returned, so a stored `javascript:` link never becomes one.
    /// `locale` (`ja-JP`, `en-US`) picks the carrier page's language where
    /// it has more than one.
    public static func trackingURL(for shipment: Shipment, locale: String) -> String? {
        if let given = WebAddress.checked(shipment.url) { return given }
        let number = shipment.number.trimmingCharacters(in: .whitespaces)
        guard !number.isEmpty, let carrier = carrier(named: shipment.carrier) else { return nil }
        // Full-width digits, as Japanese shops often type them, as the carriers' forms expect them.
        let ascii = number.precomposedStringWithCompatibilityMapping
        return carrier.url(number: escape(ascii), english: locale != MessageLocale.japanese)
    }

    /// The number as one query value: anything that could end the value or
    /// start another (`&`, `=`, `#`, `+`, spaces) is percent-encoded.
    static func escape(_ number: String) -> String {
        let allowed = CharacterSet.urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&=#+?/;"))
        return number.addingPercentEncoding(withAllowedCharacters: allowed) ?? number
    }
}
