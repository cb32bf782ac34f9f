public import Foundation

/// How a store's own pages look (the order-status page): `branding = {
/// logo_url = "https://…/logo.png", accent_color = "#0f766e", support_url =
/// "https://…/contact" }` in a `[[stores]]` entry. Every part is optional:
/// without a logo the shop's name heads the page; without a colour a
/// neutral one is used.
public struct StoreBranding: Sendable, Hashable {
    /// An `https` (or `http`) image shown at the top of the page.
    public var logoURL: URL?
    /// `#rrggbb`, for the page's header rule, links and reached stages.
    public var accentColor: String?
    /// Where a customer with a question is sent (a contact form or help page).
    public var supportURL: URL?

    public init(logoURL: URL? = nil, accentColor: String? = nil, supportURL: URL? = nil) {
        self.logoURL = logoURL
        self.accentColor = accentColor
        self.supportURL = supportURL
    }

    /// Whether `text` is a `#rrggbb` colour (the only form accepted, so it
    /// can go into a style attribute as it is).
    public static func isHexColor(_ text: String) -> Bool {
        text.count == 7 && text.hasPrefix("#") && text.dropFirst().allSatisfy(\.isHexDigit)
    }
}
