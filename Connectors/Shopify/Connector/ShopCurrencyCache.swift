import AftercartModel

/// The shop currency once known, shared by the copies of a connector.
actor ShopCurrencyCache {
    private(set) var value: Currency?

    init(_ value: Currency?) { self.value = value }

    func remember(_ currency: Currency) { value = currency }
}
