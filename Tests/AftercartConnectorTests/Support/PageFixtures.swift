/// A page body of `[{"id":N}, …]` for the ids in `range`.
func ids(_ range: ClosedRange<Int>) -> String {
    "[" + range.map { #"{"id":\#($0)}"# }.joined(separator: ",") + "]"
}

/// The value of query parameter `name` in a request URI, unencoded as sent.
func query(_ uri: String, _ name: String) -> String? {
    guard let query = uri.split(separator: "?", maxSplits: 1).dropFirst().first else { return nil }
    for item in query.split(separator: "&") {
        let parts = item.split(separator: "=", maxSplits: 1)
        if parts.first.map(String.init) == name { return parts.count > 1 ? String(parts[1]) : "" }
    }
    return nil
}
