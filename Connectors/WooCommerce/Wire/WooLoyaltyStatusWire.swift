/// The body of Advanced Coupons' Loyalty Program admin route
/// `GET /wp-json/wc-loyalty-program/v1/customers/status/{user_id}`:
///
/// ```json
/// {"status": [{"label": "Total Points (All Time)", "points": 61, "value": "$6.10"},
///             {"label": "Unclaimed Points", "points": 61, "value": "$6.10"},
///             {"label": "Claimed Points", "points": 0, "value": "$0.00"},
///             {"label": "Expired Points", "points": 0, "value": "$0.00"}],
///  "sources": [{"label": "Purchasing products", "points": 61}, …]}
/// ```
///
/// Shape taken from the plugin's published API documentation (Advanced
/// Coupons' loyalty REST API docs), not from a live store. The labels are translatable, so the
/// mapper finds rows by label when it can and by position otherwise.
struct WooLoyaltyStatusWire: Sendable, Decodable {
    let status: [Row]

    struct Row: Sendable, Decodable {
        let label: String?
        let points: WooText?
    }
}
