import NIOCore

/// The whole-site pages a real WordPress 6.8 / WooCommerce 10 store answered
/// with (API facts §8.8): HTML by default, JSON to a request that accepts
/// JSON, except a firewall's page, which ignores `Accept`.
enum WordPressFaultPages {
    static func response(_ page: MockFaultPlan.Page, acceptsJSON: Bool) -> MockResponse {
        switch page {
        case .critical:
            if acceptsJSON {
                return json(
                    500,
                    #"{"code":"internal_server_error","message":"<p>There has been a critical error on this website.<\/p><p><a href=\"https:\/\/wordpress.org\/documentation\/article\/faq-troubleshooting\/\">Learn more about troubleshooting WordPress.<\/a><\/p>","data":{"status":500},"additional_errors":[]}"#
                )
            }
            return html(
                500,
                """
                <!DOCTYPE html>
                <html lang="en-US">
                <head>
                \t<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
                \t<meta name="viewport" content="width=device-width, initial-scale=1.0">
                \t<meta name='robots' content='max-image-preview:large, noindex, follow' />
                \t<title>WordPress &rsaquo; Error</title>
                </head>
                <body id="error-page">
                \t<div class="wp-die-message"><p>There has been a critical error on this website.</p><p><a href="https://wordpress.org/documentation/article/faq-troubleshooting/">Learn more about troubleshooting WordPress.</a></p></div></body>
                </html>
                """)
        case .maintenance:
            let wait = [("Retry-After", "600")]
            if acceptsJSON {
                return json(
                    503,
                    #"{"code":"wp_die","message":"Briefly unavailable for scheduled maintenance. Check back in a minute.","data":{"status":503},"additional_errors":[]}"#,
                    headers: wait)
            }
            return html(
                503,
                """
                <!DOCTYPE html>
                <html lang="en-US">
                <head>
                \t<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
                \t<title>Maintenance</title>
                </head>
                <body id="error-page">
                \t<div class="wp-die-message"><h1>Briefly unavailable for scheduled maintenance. Check back in a minute.</h1></div></body>
                </html>
                """, headers: wait)
        case .html200:
            return html(
                200, "<html><body>Security check: please enable JavaScript</body></html>",
                type: "text/html;charset=UTF-8")
        }
    }

    private static func json(_ status: Int, _ body: String, headers: [(String, String)] = []) -> MockResponse {
        MockResponse(
            status: status, headers: [("Content-Type", "application/json; charset=UTF-8")] + headers,
            body: ByteBuffer(string: body))
    }

    private static func html(
        _ status: Int, _ body: String, type: String = "text/html; charset=UTF-8", headers: [(String, String)] = []
    ) -> MockResponse {
        MockResponse(status: status, headers: [("Content-Type", type)] + headers, body: ByteBuffer(string: body))
    }
}
