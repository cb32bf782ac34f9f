public import Foundation

extension String {
    /// `trimmingCharacters(in: set)`, without its round trip through
    /// `NSString` when neither end is in `set`: store fields are trimmed by
    /// the million in a sync, and almost none have anything to trim.
    public func trimming(_ set: CharacterSet) -> String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        guard set.contains(first) || set.contains(last) else { return self }
        return trimmingCharacters(in: set)
    }
}
