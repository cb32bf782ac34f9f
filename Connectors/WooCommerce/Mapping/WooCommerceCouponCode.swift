import Foundation

/// Coupon codes as WooCommerce stores and matches them (api-facts §8.9):
/// trimmed and lowercased on create, and the duplicate check and `?code=`
/// lookups apply the same, so codes are compared only after it.
enum WooCommerceCouponCode {
    /// `wc_format_coupon_code` + `wc_strtolower`, for the codes Aftercart
    /// generates: surrounding white space trimmed, letters lowercased
    /// (full-width letters stay full-width, as `mb_strtolower` keeps them).
    static func normalized(_ code: String) -> String {
        code.trimming(.whitespacesAndNewlines).lowercased()
    }
}
