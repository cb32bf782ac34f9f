/// One `meta_data[]` entry: `{id, key, value}`, where `value` is whatever
/// the plugin stored.
struct WooMetaEntry: Sendable, Hashable, Decodable {
    let key: String?
    let value: WooJSONValue?
}

/// The `meta_data` array of an order, customer or coupon.
struct WooMetaData: Sendable, Hashable, Decodable {
    let entries: [WooMetaEntry]

    init(_ entries: [WooMetaEntry] = []) { self.entries = entries }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        entries = container.decodeNil() ? [] : try container.decode([WooMetaEntry].self)
    }

    /// The value stored under `key`. WordPress allows the same key more
    /// than once; the last entry is the one added most recently, which is
    /// what `update_meta_data` callers expect to win.
    func value(for key: String) -> WooJSONValue? {
        entries.last { $0.key == key && $0.value != nil && $0.value != .null }?.value
    }
}
