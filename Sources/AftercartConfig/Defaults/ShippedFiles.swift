/// One file of `config/campaigns/`, `config/templates/` or `config/locales/` as the binary carries it.
public struct ShippedFile: Sendable, Hashable {
    /// Relative to the config folder: `campaigns/win-back.toml`, `templates/win-back.text.mustache`.
    public let path: String
    /// The file's text.
    public let text: String

    init(_ path: String, _ bytes: [UInt8]) {
        self.path = path
        self.text = String(decoding: bytes, as: UTF8.self)
    }
}

/// The default campaigns and templates, compiled into the binary.
///
/// The repository's `config/campaigns/` and `config/templates/` are the
/// source (linked into this target as `Shipped/`); SwiftPM embeds them as
/// code (`.embedInCode`) rather than as a resource bundle, so a binary
/// copied alone (a container image, `/usr/local/bin`) still has them where
/// `Bundle.module` would stop the process. `aftercart init` writes them out
/// for editing, `aftercart demo` uses them from any folder, and a campaign
/// whose template has no file falls back to the one here of that name.
/// A test asserts this list matches the repository's folders, so a file
/// added there and forgotten here fails.
public enum ShippedFiles {
    /// Every file, campaigns first, each folder by name.
    public static let all: [ShippedFile] = [
        ShippedFile("campaigns/order-confirmation.toml", PackageResources.order_confirmation_toml),
        ShippedFile("campaigns/points-expiring.toml", PackageResources.points_expiring_toml),
        ShippedFile("campaigns/shipping-updates.toml", PackageResources.shipping_updates_toml),
        ShippedFile("campaigns/tier-changed.toml", PackageResources.tier_changed_toml),
        ShippedFile("campaigns/win-back.toml", PackageResources.win_back_toml),
        ShippedFile("locales/en-US.toml", PackageResources.en_US_toml),
        ShippedFile("locales/ja-JP.toml", PackageResources.ja_JP_toml),
        ShippedFile("templates/loyalty-invitation.html.mustache", PackageResources.loyalty_invitation_html_mustache),
        ShippedFile(
            "templates/loyalty-invitation.subject.mustache", PackageResources.loyalty_invitation_subject_mustache),
        ShippedFile("templates/loyalty-invitation.text.mustache", PackageResources.loyalty_invitation_text_mustache),
        ShippedFile("templates/order-confirmation.html.mustache", PackageResources.order_confirmation_html_mustache),
        ShippedFile(
            "templates/order-confirmation.subject.mustache", PackageResources.order_confirmation_subject_mustache),
        ShippedFile("templates/order-confirmation.text.mustache", PackageResources.order_confirmation_text_mustache),
        ShippedFile("templates/points-expiring.html.mustache", PackageResources.points_expiring_html_mustache),
        ShippedFile("templates/points-expiring.subject.mustache", PackageResources.points_expiring_subject_mustache),
        ShippedFile("templates/points-expiring.text.mustache", PackageResources.points_expiring_text_mustache),
        ShippedFile("templates/review-request.html.mustache", PackageResources.review_request_html_mustache),
        ShippedFile("templates/review-request.subject.mustache", PackageResources.review_request_subject_mustache),
        ShippedFile("templates/review-request.text.mustache", PackageResources.review_request_text_mustache),
        ShippedFile("templates/review-thank-you.html.mustache", PackageResources.review_thank_you_html_mustache),
        ShippedFile("templates/review-thank-you.subject.mustache", PackageResources.review_thank_you_subject_mustache),
        ShippedFile("templates/review-thank-you.text.mustache", PackageResources.review_thank_you_text_mustache),
        ShippedFile("templates/shipping-update.html.mustache", PackageResources.shipping_update_html_mustache),
        ShippedFile("templates/shipping-update.subject.mustache", PackageResources.shipping_update_subject_mustache),
        ShippedFile("templates/shipping-update.text.mustache", PackageResources.shipping_update_text_mustache),
        ShippedFile("templates/support-alert.html.mustache", PackageResources.support_alert_html_mustache),
        ShippedFile("templates/support-alert.subject.mustache", PackageResources.support_alert_subject_mustache),
        ShippedFile("templates/support-alert.text.mustache", PackageResources.support_alert_text_mustache),
        ShippedFile("templates/tier-changed.html.mustache", PackageResources.tier_changed_html_mustache),
        ShippedFile("templates/tier-changed.subject.mustache", PackageResources.tier_changed_subject_mustache),
        ShippedFile("templates/tier-changed.text.mustache", PackageResources.tier_changed_text_mustache),
        ShippedFile("templates/win-back.html.mustache", PackageResources.win_back_html_mustache),
        ShippedFile("templates/win-back.subject.mustache", PackageResources.win_back_subject_mustache),
        ShippedFile("templates/win-back.text.mustache", PackageResources.win_back_text_mustache),
        ShippedFile(
            "templates/ja-JP/loyalty-invitation.html.mustache", PackageResources.ja_JP_loyalty_invitation_html_mustache),
        ShippedFile(
            "templates/ja-JP/loyalty-invitation.subject.mustache",
            PackageResources.ja_JP_loyalty_invitation_subject_mustache),
        ShippedFile(
            "templates/ja-JP/loyalty-invitation.text.mustache", PackageResources.ja_JP_loyalty_invitation_text_mustache),
        ShippedFile(
            "templates/ja-JP/order-confirmation.html.mustache", PackageResources.ja_JP_order_confirmation_html_mustache),
        ShippedFile(
            "templates/ja-JP/order-confirmation.subject.mustache",
            PackageResources.ja_JP_order_confirmation_subject_mustache),
        ShippedFile(
            "templates/ja-JP/order-confirmation.text.mustache", PackageResources.ja_JP_order_confirmation_text_mustache),
        ShippedFile(
            "templates/ja-JP/points-expiring.html.mustache", PackageResources.ja_JP_points_expiring_html_mustache),
        ShippedFile(
            "templates/ja-JP/points-expiring.subject.mustache", PackageResources.ja_JP_points_expiring_subject_mustache),
        ShippedFile(
            "templates/ja-JP/points-expiring.text.mustache", PackageResources.ja_JP_points_expiring_text_mustache),
        ShippedFile(
            "templates/ja-JP/review-request.html.mustache", PackageResources.ja_JP_review_request_html_mustache),
        ShippedFile(
            "templates/ja-JP/review-request.subject.mustache", PackageResources.ja_JP_review_request_subject_mustache),
        ShippedFile(
            "templates/ja-JP/review-request.text.mustache", PackageResources.ja_JP_review_request_text_mustache),
        ShippedFile(
            "templates/ja-JP/review-thank-you.html.mustache", PackageResources.ja_JP_review_thank_you_html_mustache),
        ShippedFile(
            "templates/ja-JP/review-thank-you.subject.mustache",
            PackageResources.ja_JP_review_thank_you_subject_mustache),
        ShippedFile(
            "templates/ja-JP/review-thank-you.text.mustache", PackageResources.ja_JP_review_thank_you_text_mustache),
        ShippedFile(
            "templates/ja-JP/shipping-update.html.mustache", PackageResources.ja_JP_shipping_update_html_mustache),
        ShippedFile(
            "templates/ja-JP/shipping-update.subject.mustache", PackageResources.ja_JP_shipping_update_subject_mustache),
        ShippedFile(
            "templates/ja-JP/shipping-update.text.mustache", PackageResources.ja_JP_shipping_update_text_mustache),
        ShippedFile("templates/ja-JP/support-alert.html.mustache", PackageResources.ja_JP_support_alert_html_mustache),
        ShippedFile(
            "templates/ja-JP/support-alert.subject.mustache", PackageResources.ja_JP_support_alert_subject_mustache),
        ShippedFile("templates/ja-JP/support-alert.text.mustache", PackageResources.ja_JP_support_alert_text_mustache),
        ShippedFile("templates/ja-JP/tier-changed.html.mustache", PackageResources.ja_JP_tier_changed_html_mustache),
        ShippedFile(
            "templates/ja-JP/tier-changed.subject.mustache", PackageResources.ja_JP_tier_changed_subject_mustache),
        ShippedFile("templates/ja-JP/tier-changed.text.mustache", PackageResources.ja_JP_tier_changed_text_mustache),
        ShippedFile("templates/ja-JP/win-back.html.mustache", PackageResources.ja_JP_win_back_html_mustache),
        ShippedFile("templates/ja-JP/win-back.subject.mustache", PackageResources.ja_JP_win_back_subject_mustache),
        ShippedFile("templates/ja-JP/win-back.text.mustache", PackageResources.ja_JP_win_back_text_mustache),
    ]

    /// The files `aftercart init` writes out for editing: campaigns and
    /// templates. The locale tables are read from the binary only, so a
    /// copy to edit would promise an effect it does not have.
    public static var editable: [ShippedFile] { all.filter { !$0.path.hasPrefix("locales/") } }

    /// The parts of the shipped template `name` (`subject`, `text`,
    /// `html`), or `nil` when no template of that name is shipped. With a
    /// `locale` other than ``MessageLocale/english``, the parts of that
    /// locale's set (`templates/ja-JP/…`).
    public static func template(named name: String, locale: String = MessageLocale.english) -> [String: String]? {
        let prefix = locale == MessageLocale.english ? "templates/\(name)." : "templates/\(locale)/\(name)."
        var parts: [String: String] = [:]
        for file in all where file.path.hasPrefix(prefix) {
            let part = file.path.dropFirst(prefix.count).dropLast(".mustache".count)
            parts[String(part)] = file.text
        }
        return parts.isEmpty ? nil : parts
    }

    /// The shipped text of `locales/<locale>.toml`, if that locale is shipped.
    public static func localeStrings(_ locale: String) -> String? {
        all.first { $0.path == "locales/\(locale).toml" }?.text
    }

    /// The names of the shipped templates (`win-back` for `templates/win-back.text.mustache`).
    public static let templateNames: Set<String> = Set(
        all.compactMap { file in
            guard file.path.hasPrefix("templates/") else { return nil }
            let name = file.path.dropFirst("templates/".count)
            // Locale sets repeat the English names in their own folders.
            guard !name.contains("/") else { return nil }
            return name.split(separator: ".").first.map(String.init)
        })
}
