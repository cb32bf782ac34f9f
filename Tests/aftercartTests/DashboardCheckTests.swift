import Foundation
import Testing

/// `check` tells whether `/dashboard` is served and, when it is not, which
/// `[server]` keys turn it on; it is never public.
@Suite struct DashboardCheckTests {
    @Test func checkSaysTheDashboardIsOffAndHowToTurnItOn() async throws {
        let cli = try CLIProcess()
        defer { cli.remove() }
        try cli.write(CLIFixtures.offlineWooStore(), to: "config/aftercart.toml")
        let off = try await cli.run(["check", "--offline"])
        #expect(off.status == 0, "\(off.stderr)")
        #expect(off.stdout.contains("dashboard: off (no admin credentials)"), "\(off.stdout)")
        #expect(off.stdout.contains("admin_token = { env = \"AFTERCART_ADMIN_TOKEN\" }"), "\(off.stdout)")

        try cli.write(
            CLIFixtures.offlineWooStore() + "\n\n[server]\nadmin_user = \"owner\"\n"
                + "admin_password = { env = \"AFTERCART_ADMIN_PASSWORD\" }\n",
            to: "config/aftercart.toml")
        let on = try await cli.run(["check", "--offline"])
        #expect(on.status == 0, "\(on.stderr)")
        #expect(on.stdout.contains("dashboard: on at /dashboard"), "\(on.stdout)")
        #expect(on.stdout.contains("admin_user + admin_password (basic)"), "\(on.stdout)")
    }
}
