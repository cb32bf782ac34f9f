public import Foundation

/// How a store's loyalty program reads to its customers: the order of its
/// tiers (their own names, `["ブロンズ", "シルバー", "ゴールド"]`) and what
/// one point is worth.
public struct LoyaltyProgram: Sendable, Hashable {
    /// Tier names used when the config ranks none: the common English ladder.
    public static let defaultTierOrder = ["bronze", "silver", "gold", "platinum", "diamond"]

    /// The store's tiers from lowest to highest (`tiers`); empty means
    /// ``defaultTierOrder``.
    public var tierOrder: [String]
    /// What one point is worth in the store's currency (`point_value`);
    /// `nil` means one minor unit (1 yen, 1 cent).
    public var pointValue: Decimal?

    public init(tierOrder: [String] = [], pointValue: Decimal? = nil) {
        self.tierOrder = tierOrder
        self.pointValue = pointValue
    }

    /// The tiers this program ranks, lowest first.
    public var rankedTiers: [String] { tierOrder.isEmpty ? Self.defaultTierOrder : tierOrder }

    /// The position of `tier` in ``rankedTiers`` (ignoring case), or `nil`
    /// for a tier the program does not rank.
    public func rank(of tier: String) -> Int? {
        let wanted = tier.lowercased()
        return rankedTiers.firstIndex { $0.lowercased() == wanted }
    }

    /// Whether `new` is a step up from `old`; `nil` when either is not ranked,
    /// which is no verdict at all (never a step down).
    public func isUpgrade(from old: String, to new: String) -> Bool? {
        guard let before = rank(of: old), let after = rank(of: new) else { return nil }
        return after > before
    }
}
