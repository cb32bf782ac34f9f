import AftercartConfig
import AftercartModel
import AftercartStore

/// `check`'s word on loyalty tiers the store uses but the config's `tiers`
/// do not rank: a change to or from one is never announced, so the
/// merchant should hear of it before a customer misses a congratulation.
enum UnrankedTiers {
    /// One warning per store whose customers (as the last `plan` saw them)
    /// hold tiers its ``LoyaltyProgram`` does not rank.
    static func warnings(_ stores: [StoreConfiguration], database: any PlanningStore) async -> [String] {
        var warnings: [String] = []
        for store in stores {
            guard let observed = try? await database.observedTiers(store: store.id) else { continue }
            let unranked = Set(observed.values).filter { store.loyaltyProgram.rank(of: $0) == nil }.sorted()
            guard !unranked.isEmpty else { continue }
            let names = unranked.map { "\"\($0)\"" }.joined(separator: ", ")
            let ranked = store.loyaltyProgram.rankedTiers.map { "\"\($0)\"" }.joined(separator: ", ")
            warnings.append(
                "\(store.name): customers hold loyalty tiers that tiers does not rank (\(names)); a change to or "
                    + "from them is never announced. The ranked tiers are [\(ranked)]; list the store's own, "
                    + "lowest first, in tiers = [...]")
        }
        return warnings
    }
}
