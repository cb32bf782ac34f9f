/// `[report]`: how the outcomes report (`aftercart report`, `/dashboard`)
/// attributes what followed a message.
public struct ReportSettings: Sendable, Hashable {
    /// Days after a message during which an order, a review or an
    /// unsubscribe by its recipient counts as following it (default 5).
    public var attributionWindowDays: Int

    /// Creates report settings.
    public init(attributionWindowDays: Int = 5) {
        self.attributionWindowDays = attributionWindowDays
    }
}

extension SectionValidators {
    static func report(_ reader: TableReader) -> ReportSettings {
        let example = "attribution_window_days = 5"
        reader.rejectUnknownKeys(
            allowed: ["attribution_window_days"], examples: ["attribution_window_days": example],
            context: " in [report]")
        var settings = ReportSettings()
        settings.attributionWindowDays =
            reader.integer("attribution_window_days", range: 1...90, example: example) ?? 5
        return settings
    }
}
