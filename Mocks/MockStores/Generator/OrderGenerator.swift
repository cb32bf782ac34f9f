/// Builds order `i` from `(seed, i)` alone.
struct OrderGenerator: Sendable {
    let profile: StoreProfile
    let people: PeopleGenerator
    let catalog: CatalogGenerator

    var jitterSeed: UInt64 { profile.seed ^ 0x0DE5 }

    func createdAt(_ i: Int) -> Int64 { profile.orderGrid.time(i, jitterSeed: jitterSeed) }

    /// The lifecycle alone, from its own random stream: cheap enough to evaluate thousands
    /// of times per request when a `modified_after` bound falls inside the lifecycle fringe.
    func timeline(_ i: Int) -> (
        created: Int64, outcome: OrderRecord.Outcome, schedule: OrderRecord.Schedule, refundFraction: Int
    ) {
        let created = createdAt(i)
        var r = profile.random(.orderSchedule, i)
        let roll = r.int(0...999)
        var schedule = OrderRecord.Schedule()
        var refund = 0
        let outcome: OrderRecord.Outcome
        switch roll {
        case 0..<40: outcome = .unpaid
        case 40..<70: outcome = .failed
        case 70..<100:
            outcome = .cancelled
            schedule.cancelledAt = created + Int64(r.int(3_600...172_800))
        case 100..<130:
            outcome = .onHold
            schedule.paidAt = created + Int64(r.int(30...900))
        default:
            outcome = .shipped
            let paid = created + Int64(r.int(30...900))
            let label = paid + Int64(r.int(7_200...108_000))
            let transit = label + Int64(r.int(14_400...86_400))
            let out = transit + Int64(r.int(86_400...259_200))
            let end = out + Int64(r.int(7_200...36_000))
            schedule.paidAt = paid
            schedule.labelPrintedAt = label
            schedule.inTransitAt = transit
            schedule.outForDeliveryAt = out
            if r.int(0...99) < 2 {
                schedule.deliveryFailedAt = end
            } else {
                schedule.deliveredAt = end
                let refundRoll = r.int(0...99)
                if refundRoll < 5 {
                    refund = 100
                } else if refundRoll < 10 {
                    refund = r.int(20...60)
                }
                if refund > 0 { schedule.refundedAt = end + Int64(r.int(86_400...345_600)) }
            }
        }
        return (created, outcome, schedule, refund)
    }

    /// Modification time at `now` without building the whole order.
    func baseModifiedAt(_ i: Int, now: Int64) -> Int64 {
        let t = timeline(i)
        var latest = t.created
        for e in t.schedule.all where e <= now && e > latest { latest = e }
        return latest
    }

    func order(_ i: Int) -> OrderRecord {
        let t = timeline(i)
        var r = profile.random(.order, i)
        let currency = profile.currency

        var customerIndex: Int?
        if !r.percent(12), let last = people.lastCustomer(registeredBefore: t.created) {
            customerIndex = r.int(0...last)
        }
        let guest = people.name(stream: .order, index: i)

        let lineCount = [1, 1, 1, 2, 2, 3, 4][r.int(0...6)]
        var lines: [OrderRecord.Line] = []
        var usedProducts: Set<Int> = []
        for n in 0..<lineCount where profile.productCount > 0 {
            let p = r.int(0...(profile.productCount - 1))
            if usedProducts.contains(p) { continue }
            usedProducts.insert(p)
            let product = catalog.product(p)
            lines.append(
                .init(
                    lineID: i * 8 + n + 1, productIndex: p, quantity: [1, 1, 1, 2, 3][r.int(0...4)],
                    unitMinor: product.priceMinor, discountMinor: 0, taxMinor: 0))
        }

        var couponCode: String?
        if r.percent(15), profile.couponCount > 0,
            let lastCoupon = profile.couponGrid.lastIndex(atOrBefore: t.created - profile.couponGrid.spacing)
        {
            let coupon = catalog.coupon(r.int(0...lastCoupon))
            couponCode = coupon.code
            applyDiscount(coupon, to: &lines)
        }
        for n in lines.indices { lines[n].taxMinor = currency.tax(on: lines[n].totalMinor) }
        let goods = lines.reduce(Int64(0)) { $0 + $1.totalMinor }
        let shipping = goods >= currency.freeShippingFrom ? 0 : currency.flatShipping

        let carriers: [(provider: String, urlPrefix: String)]
        switch profile.region.country {
        case "JP": carriers = [Catalog.carriers[3]]
        case "DE": carriers = [Catalog.carriers[2], Catalog.carriers[1]]
        default: carriers = [Catalog.carriers[0], Catalog.carriers[1]]
        }
        let carrier = r.pick(carriers)
        let tracking: String
        switch carrier.provider {
        case "UPS": tracking = "1Z" + r.token(16, alphabet: "0123456789ABCDEFGHJKLMNPRSTUVWXYZ")
        case "USPS": tracking = "9400" + r.token(18, alphabet: "0123456789")
        case "DHL": tracking = r.token(10, alphabet: "0123456789")
        default: tracking = r.token(12, alphabet: "0123456789")
        }
        let payment = r.pick([
            ("stripe", "Credit card"), ("stripe", "Credit card"), ("paypal", "PayPal"),
            ("bacs", "Direct bank transfer"),
        ])

        return OrderRecord(
            index: i, customerIndex: customerIndex,
            guestFirstName: guest.first, guestLastName: guest.last,
            guestEmail: "\(guest.emailStem).guest\(i + 1)@example.test",
            lines: lines, couponCode: couponCode, shippingMinor: shipping, createdAt: t.created,
            outcome: t.outcome, paymentMethod: payment, carrier: carrier, trackingNumber: tracking,
            refundFraction: t.refundFraction, schedule: t.schedule,
            cityIndex: r.int(0...(profile.region.cities.count - 1)), token: r.token(32))
    }

    private func applyDiscount(_ coupon: CouponRecord, to lines: inout [OrderRecord.Line]) {
        let exponent = profile.currency.exponent
        let amount = MoneyText.parse(coupon.amountText, exponent: exponent) ?? 0
        _ = exponent
        switch coupon.kind {
        case .percent:
            let percent = (MoneyText.parse(coupon.amountText, exponent: 0) ?? 0)
            for n in lines.indices { lines[n].discountMinor = lines[n].subtotalMinor * percent / 100 }
        case .fixedProduct:
            for n in lines.indices {
                lines[n].discountMinor = min(lines[n].subtotalMinor, amount * Int64(lines[n].quantity))
            }
        case .fixedCart:
            let subtotal = lines.reduce(Int64(0)) { $0 + $1.subtotalMinor }
            guard subtotal > 0 else { return }
            var remaining = min(amount, subtotal)
            for n in lines.indices {
                let share =
                    n == lines.count - 1 ? remaining : min(remaining, amount * lines[n].subtotalMinor / subtotal)
                lines[n].discountMinor = share
                remaining -= share
            }
        }
    }
}
