import AftercartModel
import Foundation
import Testing

@testable import AftercartEngage

/// Which stages an order's page marks reached, with which times, and which
/// endings it announces, for every state the platforms report.
@Suite struct OrderTimelineTests {
    typealias F = OrderPageFixture
    typealias Stage = OrderTimeline.Stage

    static let expected: [(F.State, [Stage], [OrderTimeline.Notice], awaits: Bool)] = [
        (.orderedOnly, [.ordered], [], true),
        (.paid, [.ordered, .paid], [], true),
        (.shipped, [.ordered, .paid, .shipped], [], true),
        (.inTransit, [.ordered, .paid, .shipped, .inTransit], [], true),
        (.outForDelivery, [.ordered, .paid, .shipped, .inTransit, .outForDelivery], [], true),
        (.delivered, Stage.allCases, [], false),
        (.refunded, [.ordered, .paid], [.refunded], false),
        (.cancelled, [.ordered], [.cancelled], false),
        (.failedDelivery, [.ordered, .paid, .shipped, .inTransit], [.failedDelivery], false),
    ]

    @Test(arguments: expected.indices)
    func eachStateReachesItsStagesAndAnnouncesItsEnding(_ index: Int) {
        let (state, reached, notices, awaits) = Self.expected[index]
        for order in [F.wooOrder(state), F.shopifyOrder(state)] {
            let timeline = OrderTimeline(order)
            #expect(timeline.steps.map(\.stage) == Stage.allCases)
            #expect(timeline.steps.filter(\.reached).map(\.stage) == reached, "\(state) \(order.store)")
            #expect(timeline.notices == notices, "\(state)")
            #expect(timeline.awaitsDelivery == awaits, "\(state)")
            #expect(timeline.isDelivered == (state == .delivered))
        }
    }

    @Test func knownTimesGoWithTheirStagesAndUnknownOnesStayEmpty() {
        let steps = OrderTimeline(F.wooOrder(.delivered)).steps
        let times = Dictionary(uniqueKeysWithValues: steps.map { ($0.stage, $0.at) })
        #expect(times[.ordered] == F.placed)
        #expect(times[.shipped] == F.shipped)
        #expect(times[.delivered] == F.delivered)
        #expect(times[.paid] == .some(nil))
        #expect(times[.inTransit] == .some(nil))
        #expect(times[.outForDelivery] == .some(nil))
    }

    @Test func paymentCountsOnlyWhenTheMoneyWasTaken() {
        for status in FinancialStatus.allCases {
            var order = F.shopifyOrder(.paid)
            order.financialStatus = status
            let paid = OrderTimeline(order).steps[1].reached
            #expect(paid == [.paid, .partiallyRefunded, .refunded].contains(status), "\(status)")
        }
        // Cash on delivery: on its way, not paid yet.
        var cashOnDelivery = F.wooOrder(.inTransit)
        cashOnDelivery.financialStatus = .pending
        #expect(OrderTimeline(cashOnDelivery).steps.filter(\.reached).map(\.stage) == [.ordered, .shipped, .inTransit])
    }

    @Test func everyShipmentAndFulfilmentStatusHasAPlace() {
        let progress: [ShipmentStatus: [Stage]] = [
            .none: [], .labelPrinted: [], .confirmed: [.shipped], .inTransit: [.shipped, .inTransit],
            .outForDelivery: [.shipped, .inTransit, .outForDelivery],
            .delivered: [.shipped, .inTransit, .outForDelivery, .delivered], .failure: [.shipped, .inTransit],
        ]
        for status in ShipmentStatus.allCases {
            var order = F.wooOrder(.paid)
            order.shipmentStatus = status
            let reached = OrderTimeline(order).steps.filter(\.reached).map(\.stage)
            let shipping = reached.filter { $0 != .ordered && $0 != .paid }
            #expect(shipping == progress[status], "\(status)")
        }
        for status in FulfillmentStatus.allCases {
            var order = F.wooOrder(.paid)
            order.fulfillmentStatus = status
            #expect(OrderTimeline(order).steps[2].reached == (status == .partial || status == .fulfilled), "\(status)")
        }
    }

    @Test func datesAloneMoveTheOrderOnWhenTheStatusesLag() {
        var order = F.wooOrder(.paid)
        order.shippedAt = F.shipped
        #expect(OrderTimeline(order).steps[2] == .init(stage: .shipped, reached: true, at: F.shipped))
        order.deliveredAt = F.delivered
        #expect(OrderTimeline(order).isDelivered)
    }

    @Test func everyOrderStatusHasItsNotice() {
        let notices: [OrderStatus: [OrderTimeline.Notice]] = [
            .pending: [], .processing: [], .onHold: [], .completed: [], .cancelled: [.cancelled],
            .refunded: [.refunded], .failed: [.paymentFailed],
        ]
        for status in OrderStatus.allCases {
            var order = F.shopifyOrder(.paid)
            order.status = status
            #expect(OrderTimeline(order).notices == notices[status], "\(status)")
        }
    }

    @Test func aPartialRefundStillAwaitsThePackageAndAFullOneSaysSoOnce() {
        var partly = F.shopifyOrder(.inTransit)
        partly.financialStatus = .partiallyRefunded
        #expect(OrderTimeline(partly).notices == [.partiallyRefunded])
        #expect(OrderTimeline(partly).awaitsDelivery)
        var cancelledAndRefunded = F.shopifyOrder(.cancelled)
        cancelledAndRefunded.financialStatus = .refunded
        #expect(OrderTimeline(cancelledAndRefunded).notices == [.cancelled, .refunded])
        var refundedTwice = F.wooOrder(.refunded)
        refundedTwice.financialStatus = .partiallyRefunded
        #expect(OrderTimeline(refundedTwice).notices == [.refunded])
    }
}
