/// The locales a store can write to its customers in (`locale` in a
/// `[[stores]]` entry): each has a complete template set and a strings
/// table built into the binary.
public enum MessageLocale {
    /// The English set: `config/templates/*.mustache`, `config/locales/en-US.toml`.
    public static let english = "en-US"
    /// The Japanese set: `config/templates/ja-JP/`, `config/locales/ja-JP.toml`.
    public static let japanese = "ja-JP"
    /// Every locale the binary carries.
    public static let shipped = [english, japanese]

    /// The locale a store gets when its config names none: Japanese for a
    /// store whose own language (the platform's BCP 47 tag) is Japanese,
    /// English otherwise, the only other complete set.
    public static func defaultLocale(forLanguage language: String?) -> String {
        guard let language else { return english }
        let primary = language.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first
        return primary == "ja" ? japanese : english
    }
}
