import AftercartConfig

/// What `aftercart check` says about `/dashboard`: on and how it is
/// opened, or off and how to turn it on (it is never public).
enum DashboardCheck {
    static func line(_ server: ServerSettings) -> String {
        var ways: [String] = []
        if server.adminToken != nil { ways.append("admin_token (Authorization: Bearer)") }
        if server.adminUser != nil, server.adminPassword != nil { ways.append("admin_user + admin_password (basic)") }
        guard !ways.isEmpty else {
            return "dashboard: off (no admin credentials); to serve /dashboard, set in [server] "
                + "admin_token = { env = \"AFTERCART_ADMIN_TOKEN\" } or admin_user = \"admin\" + "
                + "admin_password = { env = \"AFTERCART_ADMIN_PASSWORD\" }"
        }
        return "dashboard: on at /dashboard of serve / run --server, opened with " + ways.joined(separator: " or ")
    }
}
