import AsyncHTTPClient
import Foundation
import Testing

@testable import MockStores

@Suite("Fault injection")
struct FaultTests {
    @Test("spec parsing")
    func parsing() throws {
        let plan = try MockFaultPlan(
            spec: "429:0.05,500:0.02,slow:0.01@3s,truncate:0.01,badjson:0.01,reset:0.01", seed: 3)
        #expect(plan.rules.count == 6)
        #expect(plan.rules[2] == .init(kind: .slow(.seconds(3)), probability: 0.01))
        let exact = try MockFaultPlan(spec: "429@1,2,500@5")
        #expect(exact.exact == [1: .status(429), 2: .status(429), 5: .status(500)])
        #expect(throws: MockFaultSpecError.self) { try MockFaultPlan(spec: "teapot:0.1") }
        #expect(throws: MockFaultSpecError.self) { try MockFaultPlan(spec: "500:2") }
        #expect(throws: MockFaultSpecError.self) { try MockFaultPlan(spec: "500@0") }
        let slow = try MockFaultPlan(spec: "slow=5s@3,4,slow@7")
        #expect(slow.exact == [3: .slow(.seconds(5)), 4: .slow(.seconds(5)), 7: .slow(.seconds(2))])
        #expect(throws: MockFaultSpecError.self) { try MockFaultPlan(spec: "slow=soon@3") }
    }

    @Test("seeded draws replay exactly")
    func replay() throws {
        let a = try MockFaultPlan(spec: "500:0.3,429:0.2", seed: 11)
        let b = try MockFaultPlan(spec: "500:0.3,429:0.2", seed: 11)
        let c = try MockFaultPlan(spec: "500:0.3,429:0.2", seed: 12)
        let seqA = (1...200).map { a.fault(forRequest: $0) }
        #expect(seqA == (1...200).map { b.fault(forRequest: $0) })
        #expect(seqA != (1...200).map { c.fault(forRequest: $0) })
        let hits = seqA.compactMap { $0 }.count
        #expect(hits > 60 && hits < 140)
    }

    @Test("exact faults hit the N-th request; /__mock routes are neither faulted nor counted")
    func exact() async throws {
        try await withMock(shopify(5, faults: try MockFaultPlan(spec: "500@2,429@3"))) {
            (mock: MockStoreServer) async throws in
            #expect(try await mock.shopify("/shop.json").status == 200)
            #expect(try await mock.admin("/__mock/stats").status == 200)
            let second = try await mock.shopify("/shop.json")
            #expect(second.status == 500)
            let third = try await mock.shopify("/shop.json")
            #expect(third.status == 429)
            #expect(third.header("Retry-After") == "1.0")
            #expect(try await mock.shopify("/shop.json").status == 200)
            let stats = mock.stats()
            #expect(stats.total == 4)
            #expect(stats.faultsInjected == 2)
            #expect(stats.count(path: "/admin/api/2026-07/shop.json", status: 200) == 2)
        }
    }

    @Test("badjson is a 200 that does not parse; truncate and reset fail the client")
    func byteFaults() async throws {
        try await withMock(woo(5, faults: try MockFaultPlan(spec: "badjson@1,truncate@2,reset@3"))) {
            (mock: MockStoreServer) async throws in
            let bad = try await mock.woo("/orders")
            #expect(bad.status == 200)
            #expect(bad.value == nil)
            await #expect(throws: (any Error).self) { _ = try await mock.woo("/orders") }
            await #expect(throws: (any Error).self) { _ = try await mock.woo("/orders") }
            let fine = try await mock.woo("/orders")
            #expect(fine.status == 200 && fine.array.count == 5)
            #expect(mock.stats().faultsInjected == 3)
        }
    }

    @Test("status faults never change data")
    func noDataCorruption() async throws {
        try await withMock(woo(5, coupons: 1, faults: try MockFaultPlan(spec: "500@1"))) {
            (mock: MockStoreServer) async throws in
            let failed = try await mock.woo("/coupons", method: .POST, body: #"{"code":"abc"}"#)
            #expect(failed.status == 500)
            #expect(try await mock.woo("/coupons").header("X-WP-Total") == "1")
            #expect(try await mock.woo("/coupons", method: .POST, body: #"{"code":"abc"}"#).status == 201)
        }
    }

    @Test("setFaults from the Swift API and slow responses")
    func runtimePlan() async throws {
        try await withMock(shopify(2)) { (mock: MockStoreServer) async throws in
            mock.setFaults(MockFaultPlan(rules: [], exact: [2: .slow(.milliseconds(300))]))
            #expect(try await mock.shopify("/shop.json").status == 200)
            let start = ContinuousClock.now
            #expect(try await mock.shopify("/shop.json").status == 200)
            #expect(start.duration(to: .now) >= .milliseconds(300))
        }
    }
}
