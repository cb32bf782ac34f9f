/// One page of a keyset-paginated read.
///
/// Pass ``next`` as `after:` to read the following page; it is `nil` on the
/// last page. Pages never overlap and never skip a row that existed when the
/// read started, even while other rows are inserted.
public struct RecordPage<Element: Sendable>: Sendable {
    /// The rows of this page, in key order.
    public var items: [Element]
    /// The key to continue after, or `nil` when there is nothing more.
    public var next: RecordKey?

    /// Creates a page.
    public init(items: [Element], next: RecordKey?) {
        self.items = items
        self.next = next
    }
}

extension RecordPage: Equatable where Element: Equatable {}
