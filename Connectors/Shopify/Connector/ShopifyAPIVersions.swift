public import Foundation

/// What `check` says about the Admin API version: Shopify releases one
/// each quarter (`YYYY-01`, `-04`, `-07`, `-10`, on the first day at 17:00
/// UTC) and serves each for at least twelve months; a request naming a
/// retired version is answered by the oldest supported one, which the
/// `X-Shopify-API-Version` header reveals.
public enum ShopifyAPIVersions {
    /// How long Shopify promises to serve a stable version.
    public static let supportedMonths = 12

    /// When `version` was released; `nil` for `unstable` or a malformed name.
    public static func releaseDate(of version: String) -> Date? {
        let parts = version.split(separator: "-")
        guard parts.count == 2, let year = Int(parts[0]), let month = Int(parts[1]) else { return nil }
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        return utc.date(from: DateComponents(year: year, month: month, day: 1, hour: 17))
    }

    /// Warnings about the configured version at `now` and the version that answered.
    public static func warnings(configured: String, served: String, now: Date) -> [String] {
        var warnings: [String] = []
        let suggestion = "set api_version = \"\(ShopifyStoreSettings.defaultAPIVersion)\" (or another supported one)"
        if served != configured {
            warnings.append(
                "Shopify answered with API version \(served), not the configured \(configured): a retired version "
                    + "is served as the oldest supported one, so fields may differ from what \(configured) promised; "
                    + suggestion)
        } else if configured == "unstable" {
            warnings.append("api_version \"unstable\" changes without notice; use a stable version for a live store")
        }
        if let released = releaseDate(of: configured),
            let end = Calendar(identifier: .gregorian).date(byAdding: .month, value: supportedMonths, to: released),
            now > end
        {
            warnings.append(
                "api_version \(configured) is older than Shopify's support window (each version is served for "
                    + "\(supportedMonths) months after its release); Shopify may retire it at any time: \(suggestion)")
        }
        return warnings
    }
}
