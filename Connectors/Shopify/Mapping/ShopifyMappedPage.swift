public import AftercartConnector

/// One Shopify page in the normalized model: the records that map, the
/// ones left out on purpose, and the newest `updated_at` seen among all of
/// them (so a page of skipped records still moves the cursor).
public typealias ShopifyMappedPage<Record: Sendable> = MappedPage<Record, ShopifySkippedRecord>

/// A record the adapter read but does not hand to the engine, and why;
/// logged at debug level by the SDK's walk.
public typealias ShopifySkippedRecord = SkippedRecord
