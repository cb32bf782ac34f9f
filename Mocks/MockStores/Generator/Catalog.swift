/// Word lists the generator draws from. Region-flavoured so a JPY store looks Japanese.
enum Catalog {
    struct Region {
        let country: String
        let countryName: String
        let cities: [(city: String, state: String, stateName: String, postcode: String)]
        let firstNames: [String]
        let lastNames: [String]
        let phonePrefix: String
        /// How names written in another script are spelled in ASCII (for
        /// email addresses): Japanese customers type their names in kanji.
        var romaji: [String: String] = [:]
        /// Product names as the region's shops write them, by English stem.
        var productNames: [String: String] = [:]

        /// The product stem's name as this region's shops write it.
        func productName(_ stem: String) -> String { productNames[stem] ?? stem }
    }

    static let us = Region(
        country: "US", countryName: "United States",
        cities: [
            ("Louisville", "KY", "Kentucky", "40202"), ("Portland", "OR", "Oregon", "97205"),
            ("Austin", "TX", "Texas", "78701"), ("Brooklyn", "NY", "New York", "11201"),
            ("Denver", "CO", "Colorado", "80202"), ("San Francisco", "CA", "California", "94103"),
        ],
        firstNames: [
            "Olivia", "Liam", "Emma", "Noah", "Ava", "Elijah", "Mia", "James", "Harper", "Lucas", "Zoë", "Mateo",
        ],
        lastNames: [
            "Smith", "Johnson", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Lee", "Walker", "O'Neil",
        ],
        phonePrefix: "+1555")
    static let de = Region(
        country: "DE", countryName: "Germany",
        cities: [
            ("Berlin", "BE", "Berlin", "10115"), ("München", "BY", "Bavaria", "80331"),
            ("Hamburg", "HH", "Hamburg", "20095"), ("Köln", "NW", "North Rhine-Westphalia", "50667"),
        ],
        firstNames: ["Anna", "Lukas", "Léa", "Finn", "Chloé", "Jonas", "Marie", "Felix", "Sophie", "Paul"],
        lastNames: ["Schmidt", "Müller", "Martin", "Schneider", "Fischer", "Weber", "Dubois", "Wagner", "Becker"],
        phonePrefix: "+4930")
    static let jp = Region(
        country: "JP", countryName: "Japan",
        cities: [
            ("Tokyo", "JP13", "Tokyo", "100-0001"), ("Osaka", "JP27", "Osaka", "530-0001"),
            ("Kyoto", "JP26", "Kyoto", "600-8001"), ("Sapporo", "JP01", "Hokkaido", "060-0001"),
        ],
        firstNames: ["花", "結衣", "陽翔", "さくら", "蓮", "葵", "颯太", "芽依", "海斗", "凛"],
        lastNames: ["佐藤", "鈴木", "高橋", "田中", "渡辺", "伊藤", "山本", "中村"],
        phonePrefix: "+8190",
        romaji: [
            "花": "hana", "結衣": "yui", "陽翔": "haruto", "さくら": "sakura", "蓮": "ren", "葵": "aoi",
            "颯太": "sota", "芽依": "mei", "海斗": "kaito", "凛": "rin", "佐藤": "sato", "鈴木": "suzuki",
            "高橋": "takahashi", "田中": "tanaka", "渡辺": "watanabe", "伊藤": "ito", "山本": "yamamoto",
            "中村": "nakamura",
        ],
        productNames: [
            "Blue Mug": "ブルーマグカップ", "Red T-Shirt": "レッドTシャツ", "Hoodie": "パーカー",
            "Canvas Tote": "キャンバストートバッグ", "Pour-Over Kettle": "ドリップケトル", "Ceramic Dripper": "陶器ドリッパー",
            "Espresso Beans 1kg": "エスプレッソ豆 1kg", "Notebook A5": "A5ノート", "Linen Apron": "リネンエプロン",
            "Wool Socks": "ウールソックス", "Enamel Pin": "ピンバッジ", "Cast-Iron Pan": "鉄製フライパン",
            "Bamboo Cutting Board": "竹のまな板", "Travel Tumbler": "携帯タンブラー", "Tea Sampler": "日本茶お試しセット",
            "Desk Lamp": "デスクライト", "Phone Case": "スマホケース", "Leather Wallet": "革の長財布",
            "Scented Candle": "アロマキャンドル", "Yoga Mat": "ヨガマット", "Water Bottle": "ウォーターボトル",
            "Gift Card Sleeve": "ギフトカード封筒", "Sunglasses": "サングラス", "Beanie": "ニット帽",
        ])

    static func region(for currency: StoreCurrency) -> Region {
        switch currency.code {
        case "JPY": return jp
        case "EUR": return de
        default: return us
        }
    }

    /// Product name stems; the generator appends a variant to exceed the list length.
    static let products: [(name: String, sku: String, usdCents: Int64)] = [
        ("Blue Mug", "MUG-BLUE", 1_250), ("Red T-Shirt", "TS-RED", 1_999), ("Hoodie", "HOODIE", 4_700),
        ("Canvas Tote", "TOTE", 2_400), ("Pour-Over Kettle", "KETTLE", 5_900), ("Ceramic Dripper", "DRIP", 2_800),
        ("Espresso Beans 1kg", "BEANS-1K", 3_200), ("Notebook A5", "NB-A5", 900), ("Linen Apron", "APRON", 3_800),
        ("Wool Socks", "SOCKS", 1_600), ("Enamel Pin", "PIN", 800), ("Cast-Iron Pan", "PAN-CI", 7_500),
        ("Bamboo Cutting Board", "BOARD", 3_000), ("Travel Tumbler", "TUMBLER", 2_650), ("Tea Sampler", "TEA-S", 1_900),
        ("Desk Lamp", "LAMP", 8_900), ("Phone Case", "CASE", 2_100), ("Leather Wallet", "WALLET", 5_500),
        ("Scented Candle", "CANDLE", 2_250), ("Yoga Mat", "YOGA", 4_400), ("Water Bottle", "BOTTLE", 2_500),
        ("Gift Card Sleeve", "SLEEVE", 500), ("Sunglasses", "SUN", 12_000), ("Beanie", "BEANIE", 2_200),
    ]

    static let couponStems = [
        "welcome", "summer", "vip", "thanks", "winback", "freeship", "bday", "flash", "loyal", "spring",
    ]

    static let reviewTexts: [Int: [String]] = [
        5: ["Absolutely love it!", "Best purchase this year.", "Perfect, would buy again."],
        4: ["Very good, arrived quickly.", "Nice quality for the price.", "Happy with it."],
        3: ["It's okay.", "Fine, nothing special.", "Does the job."],
        2: ["A bit disappointing.", "Smaller than expected.", "Took ages to arrive."],
        1: ["Arrived broken.", "Would not recommend.", "Chipped on arrival."],
    ]

    static let carriers: [(provider: String, urlPrefix: String)] = [
        ("USPS", "https://tools.usps.com/go/TrackConfirmAction_input?qtc_tLabels1="),
        ("UPS", "https://www.ups.com/WebTracking?loc=en_US&requester=ST&trackNums="),
        ("DHL", "https://www.dhl.com/en/express/tracking.html?AWB="),
        ("Yamato", "https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?number00=1&number01="),
    ]
}
