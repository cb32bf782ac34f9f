import AftercartModel
import AftercartStore
import Foundation
import Testing

/// Suppressions recorded by `aftercart unsubscribe` / `forget`, on both backends.
@Suite struct SuppressionStoreTests {
    @Test func suppressionsAreKeptPerStoreByLowercasedEmailAndForgetWins() async throws {
        try await withStore { persistence in
            let store = try #require(persistence as? any PlanningStore)
            #expect(try await store.suppressions(store: Fixtures.tokyo).isEmpty)
            try await store.recordSuppression(
                .unsubscribed, store: Fixtures.tokyo, email: "Ann@Example.com", now: Fixtures.t0)
            try await store.recordSuppression(
                .unsubscribed, store: Fixtures.tokyo, email: "ann@example.com", now: Fixtures.t0)
            try await store.recordSuppression(
                .unsubscribed, store: Fixtures.tokyo, email: "bob@example.com", now: Fixtures.t0)
            try await store.recordSuppression(
                .forgotten, store: Fixtures.tokyo, email: "bob@example.com", now: Fixtures.t0)
            try await store.recordSuppression(
                .unsubscribed, store: Fixtures.tokyo, email: "bob@example.com", now: Fixtures.t0)
            #expect(
                try await store.suppressions(store: Fixtures.tokyo)
                    == ["ann@example.com": .unsubscribed, "bob@example.com": .forgotten])
            #expect(try await store.suppressions(store: Fixtures.osaka).isEmpty)
        }
    }
}
