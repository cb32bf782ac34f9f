/// Where a page-number walk stands: page ``number`` of pages of ``size``
/// records, which covers records `(number-1)*size ..< number*size`.
public struct PagePosition: Sendable, Hashable {
    /// 1-based page number, counted in pages of ``size``.
    public var number: Int
    /// Records per page.
    public var size: Int

    public init(number: Int, size: Int) {
        self.number = number
        self.size = size
    }

    /// The first record this page covers, 0-based.
    public var offset: Int { (number - 1) * size }

    /// The same records read in pages of about half the size: the largest
    /// size at most `size / 2` (and at least `floor`) that divides the
    /// offset, so the smaller page starts exactly where this one did and
    /// no record is skipped or read twice. `nil` when it cannot shrink.
    public func halved(floor: Int) -> PagePosition? {
        let lowest = max(floor, 1)
        var candidate = size / 2
        while candidate >= lowest {
            if offset % candidate == 0 { return PagePosition(number: offset / candidate + 1, size: candidate) }
            candidate -= 1
        }
        return nil
    }

    /// The same first record read in a bigger page: the largest size above
    /// ``size``, at most twice it and at most `perPage`, that divides the
    /// offset, so the walk still skips and repeats nothing. `nil` when no
    /// such size exists (the offset is odd for a one-record page).
    public func grown(toward perPage: Int) -> PagePosition? {
        var candidate = min(perPage, size * 2)
        while candidate > size {
            if offset % candidate == 0 { return PagePosition(number: offset / candidate + 1, size: candidate) }
            candidate -= 1
        }
        return nil
    }
}
