extension MockStoreServer {
    private var shopifyBulk: ShopifyBulkOperationLedger? { (core.emulator as? ShopifyEmulator)?.bulkOperations }

    /// How a Shopify emulator's bulk operations behave (polls until done); does nothing for
    /// WooCommerce.
    public func setShopifyBulkBehaviour(_ behaviour: MockShopifyBulkBehaviour) {
        shopifyBulk?.behaviour = behaviour
    }

    /// What a Shopify emulator's bulk operations did so far (empty for WooCommerce).
    public var shopifyBulkStats: MockShopifyBulkStats { shopifyBulk?.stats ?? MockShopifyBulkStats() }

    /// The next Shopify bulk operation to finish FAILS with `errorCode` (`INTERNAL_SERVER_ERROR`,
    /// `TIMEOUT`, `ACCESS_DENIED`).
    public func failNextShopifyBulkOperation(errorCode: String) {
        shopifyBulk?.failNext(errorCode: errorCode)
    }

    /// The next download of a Shopify bulk result file is cut after `bytes` body bytes.
    public func cutNextShopifyBulkDownload(afterBytes bytes: Int) {
        shopifyBulk?.cutNextDownload(afterBytes: bytes)
    }

    /// Every Shopify bulk operation's results expire: status `EXPIRED`, file URLs answer 403.
    public func expireShopifyBulkOperations() {
        shopifyBulk?.expireAll()
    }
}
