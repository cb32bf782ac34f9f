/// Builds products, coupons and reviews.
struct CatalogGenerator: Sendable {
    let profile: StoreProfile
    let people: PeopleGenerator
    /// Every order line renders its product, so small catalogues are built once up front.
    private var productCache: [ProductRecord] = []

    init(profile: StoreProfile, people: PeopleGenerator) {
        self.profile = profile
        self.people = people
        if profile.productCount <= 20_000 {
            let built = (0..<profile.productCount).map(makeProduct)
            productCache = built
        }
    }

    func product(_ p: Int) -> ProductRecord {
        p < productCache.count ? productCache[p] : makeProduct(p)
    }

    private func makeProduct(_ p: Int) -> ProductRecord {
        var r = profile.random(.product, p)
        let stem = Catalog.products[p % Catalog.products.count]
        let round = p / Catalog.products.count
        let stemName = profile.region.productName(stem.name)
        let name =
            round == 0
            ? stemName
            : "\(stemName) \(["Mini", "XL", "Pro", "Classic", "Deluxe"][round % 5])\(round >= 5 ? " \(round / 5 + 1)" : "")"
        let sku = round == 0 ? stem.sku : "\(stem.sku)-\(round + 1)"
        let exponent = profile.currency.exponent
        let price: Int64
        switch profile.currency.code {
        case "JPY": price = (stem.usdCents * 150 / 100 + 49) / 50 * 50
        case "EUR": price = stem.usdCents * 92 / 100 / 10 * 10 + 0
        default: price = stem.usdCents
        }
        // Whole amounts are often typed without decimals; WooCommerce keeps the text as typed.
        let text =
            (exponent > 0 && price % 100 == 0 && p % 2 == 0)
            ? MoneyText.minimal(price, exponent: exponent) : MoneyText.fixed(price, exponent: exponent)
        let stockRoll = r.int(0...9)
        let stock: Int? = stockRoll < 3 ? nil : stockRoll == 3 ? -1 : r.int(0...250)
        let created = profile.productGrid.time(p, jitterSeed: profile.seed ^ 0x9D)
        let ratingCount = r.int(0...40)
        let avgHundredths = ratingCount == 0 ? 0 : r.int(220...500)
        return ProductRecord(
            index: p, name: name,
            slug: name.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }.reduce(into: "") { $0.append($1) },
            sku: sku, priceMinor: price, priceText: text, stockQuantity: stock, createdAt: created,
            modifiedAt: created + Int64(r.int(0...86_400)),
            averageRating: MoneyText.fixed(Int64(avgHundredths), exponent: 2), ratingCount: ratingCount,
            totalSales: r.int(0...900))
    }

    func couponCreatedAt(_ k: Int) -> Int64 { profile.couponGrid.time(k, jitterSeed: profile.seed ^ 0xC0) }

    func coupon(_ k: Int) -> CouponRecord {
        var r = profile.random(.coupon, k)
        let stem = Catalog.couponStems[k % Catalog.couponStems.count]
        let exponent = profile.currency.exponent
        let kindRoll = r.int(0...9)
        let kind: CouponRecord.Kind = kindRoll < 6 ? .percent : kindRoll < 9 ? .fixedCart : .fixedProduct
        let percent = [5, 10, 15, 20, 25][r.int(0...4)]
        let fixedMinor: Int64 =
            profile.currency.code == "JPY"
            ? Int64([500, 1000, 1500][r.int(0...2)]) : Int64([500, 1000, 1500][r.int(0...2)])
        // WooCommerce prints coupon amounts with two decimals whatever the currency.
        let amountText =
            kind == .percent
            ? MoneyText.fixed(Int64(percent) * 100, exponent: 2)
            : MoneyText.fixed(fixedMinor * pow10(2 - exponent), exponent: 2)
        let created = couponCreatedAt(k)
        let expires: Int64? = r.percent(60) ? created + Int64(r.int(14...180)) * 86_400 : nil
        let limit: Int? = r.percent(50) ? [1, 5, 100][r.int(0...2)] : nil
        let used = min(limit ?? 1_000, r.int(0...40))
        var usedBy: [String] = []
        for _ in 0..<min(used, 8) {
            // Real stores list user IDs as strings and guests by e-mail.
            if profile.customerCount > 0, r.percent(70) {
                usedBy.append(String(r.int(0...(profile.customerCount - 1)) + 2))
            } else {
                usedBy.append("\(people.name(stream: .coupon, index: k * 8 + usedBy.count).emailStem)@example.test")
            }
        }
        let personal = profile.customerCount > 0 && r.percent(25)
        let restrictedTo = personal ? [people.email(r.int(0...(profile.customerCount - 1)))] : []
        let code = "\(stem)\(percent)-\(String(k + 1, radix: 36))"
        let freeShip = stem == "freeship"
        return CouponRecord(
            index: k, code: code, kind: kind, amountText: amountText, description: personal ? "Personal coupon" : "",
            createdAt: created, modifiedAt: created + Int64(r.int(0...3_600)), expiresAt: expires,
            usageLimit: limit, usageLimitPerUser: personal ? 1 : nil, usageCount: used, usedBy: usedBy,
            individualUse: r.percent(50), freeShipping: freeShip, excludeSaleItems: r.percent(30),
            minimumAmountText: r.percent(30) ? "50.00" : "0.00",
            maximumAmountText: "0.00", emailRestrictions: restrictedTo, productIDs: [],
            meta: [],
            shopifyTitle: code.uppercased(), shopifyTargetType: freeShip ? "shipping_line" : "line_item",
            shopifyValueType: kind == .percent || freeShip ? "percentage" : "fixed_amount",
            shopifyValue: freeShip
                ? "-100.0"
                : kind == .percent
                    ? "-\(percent).0"
                    : "-" + MoneyText.minimal(fixedMinor, exponent: exponent) + (exponent == 0 ? ".0" : ""),
            shopifyCustomerSelection: personal ? "prerequisite" : "all",
            shopifyPrerequisiteCustomerIDs: [],
            shopifyOncePerCustomer: personal, shopifyAllocationMethod: freeShip ? "each" : "across",
            discountCodes: [
                .init(
                    id: ShopifyIDs.discountCode(k), code: code.uppercased(), usageCount: used, createdAt: created,
                    updatedAt: created)
            ])
    }

    func reviewCreatedAt(_ i: Int) -> Int64 { profile.reviewGrid.time(i, jitterSeed: profile.seed ^ 0x4E) }

    func review(_ i: Int) -> ReviewRecord {
        var r = profile.random(.review, i)
        let created = reviewCreatedAt(i)
        let product = profile.productCount > 0 ? r.int(0...(profile.productCount - 1)) : 0
        var customerIndex: Int?
        if !r.percent(15), let last = people.lastCustomer(registeredBefore: created) { customerIndex = r.int(0...last) }
        let reviewer: String
        let email: String
        if let c = customerIndex {
            let n = people.name(stream: .customer, index: c)
            reviewer = "\(n.first) \(n.last)"
            email = people.email(c)
        } else {
            let n = people.name(stream: .review, index: i)
            reviewer = "\(n.first) \(n.last)"
            email = "\(n.emailStem).reader\(i + 1)@example.test"
        }
        let ratingRoll = r.int(0...99)
        let rating = ratingRoll < 45 ? 5 : ratingRoll < 72 ? 4 : ratingRoll < 84 ? 3 : ratingRoll < 92 ? 2 : 1
        let statusRoll = r.int(0...99)
        let status: ReviewRecord.Status = statusRoll < 90 ? .approved : statusRoll < 97 ? .hold : .spam
        return ReviewRecord(
            index: i, productIndex: product, customerIndex: customerIndex, reviewer: reviewer, reviewerEmail: email,
            rating: rating, status: status, verified: customerIndex != nil && r.percent(80),
            text: "<p>\(r.pick(Catalog.reviewTexts[rating] ?? ["Good."]))</p>\n", createdAt: created)
    }

    private func pow10(_ e: Int) -> Int64 { (0..<e).reduce(Int64(1)) { acc, _ in acc * 10 } }
}
