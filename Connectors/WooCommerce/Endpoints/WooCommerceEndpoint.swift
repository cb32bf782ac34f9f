public import AftercartModel

/// One WooCommerce read as data: where it goes, which filters it sends,
/// and how it pages. The pager adds `per_page` and `page`; everything else
/// is here, so a test can assert the exact query a sync sends.
public struct WooCommerceEndpoint: Sendable, Hashable {
    /// How the collection pages.
    public enum Pagination: Sendable, Hashable {
        /// `?per_page=N&page=K`, with `X-WP-Total`/`X-WP-TotalPages`.
        case pageNumber(perPage: Int)
        /// A single response.
        case single
    }

    /// What the store filters on, so the caller knows which timestamp of
    /// the records the cursor must follow.
    public enum ChangeFilter: Sendable, Hashable {
        /// `modified_after` + `dates_are_gmt=true` against `date_modified_gmt`.
        case modifiedAfter
        /// `after` + `dates_are_gmt=true` against `date_created_gmt`
        /// (reviews: the only date filter they have).
        case createdAfter
        /// No server-side filter: a full scan each time.
        case none
    }

    /// A query parameter, unencoded.
    public struct QueryItem: Sendable, Hashable {
        /// The parameter name, e.g. `modified_after`.
        public var name: String
        /// The value, unencoded.
        public var value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The resource the records map to.
    public var resource: ResourceKind
    /// The path below the store's base URL, e.g. `/wp-json/wc/v3/orders`.
    public var path: String
    /// Filters and ordering, without the paging parameters.
    public var query: [QueryItem]
    /// How the collection pages.
    public var pagination: Pagination
    /// Which record timestamp the date filter compares.
    public var changeFilter: ChangeFilter

    public init(
        resource: ResourceKind, path: String, query: [QueryItem] = [], pagination: Pagination,
        changeFilter: ChangeFilter
    ) {
        self.resource = resource
        self.path = path
        self.query = query
        self.pagination = pagination
        self.changeFilter = changeFilter
    }

    /// The value of query parameter `name`, if sent.
    public func queryValue(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }

    /// The absolute URL under `baseURL` (the configured store URL, with or
    /// without a trailing slash), query encoded per RFC 3986.
    public func url(baseURL: String) -> String {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        guard !query.isEmpty else { return base + path }
        let encoded = query.map { OAuthPercentEncoding.encode($0.name) + "=" + OAuthPercentEncoding.encode($0.value) }
        return base + path + "?" + encoded.joined(separator: "&")
    }
}
