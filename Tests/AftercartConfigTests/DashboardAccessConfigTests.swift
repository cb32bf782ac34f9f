import AftercartModel
import Foundation
import Testing

@testable import AftercartConfig

/// `[server] admin_token`, `admin_user` and `admin_password`: the keys that
/// open `/dashboard`, secrets given like every other one, checked as a pair.
@Suite struct DashboardAccessConfigTests {
    private func parse(_ server: String, environment: [String: String] = [:]) throws(ConfigurationError)
        -> AftercartConfiguration
    {
        try AftercartConfiguration.parse(
            wooStore + "\n\n[server]\n" + server, file: "c.toml", directory: URL(fileURLWithPath: "/nonexistent"),
            environment: ["TOKYO_WOO_KEY": "ck", "TOKYO_WOO_SECRET": "cs"].merging(environment) { _, new in new },
            platforms: .shipped, secrets: .required, loadCampaignFiles: false)
    }

    @Test func withoutAdminKeysTheDashboardIsOff() throws {
        let configuration = try parse("port = 8080")
        #expect(!configuration.server.dashboardEnabled)
        #expect(configuration.server.adminToken == nil && configuration.server.adminUser == nil)
    }

    @Test func aTokenFromTheEnvironmentTurnsItOnAndMustResolve() throws {
        let configuration = try parse(
            "admin_token = { env = \"AFTERCART_ADMIN_TOKEN\" }", environment: ["AFTERCART_ADMIN_TOKEN": "t0ken"])
        #expect(configuration.server.dashboardEnabled)
        #expect(
            try configuration.server.adminToken?.resolve(environment: ["AFTERCART_ADMIN_TOKEN": "t0ken"]).revealed()
                == "t0ken")
        #expect(configuration.secretReferences().contains { $0.keyPath.hasSuffix("admin_token") })
        do {
            _ = try parse("admin_token = { env = \"AFTERCART_ADMIN_TOKEN\" }")
            Issue.record("an unset variable must fail a load that needs secrets")
        } catch {
            #expect(error.problems.contains { $0.message.contains("AFTERCART_ADMIN_TOKEN is not set") })
        }
    }

    @Test func basicAuthNeedsBothUserAndPassword() throws {
        let both = try parse(
            "admin_user = \"owner\"\nadmin_password = { env = \"ADMIN_PW\" }", environment: ["ADMIN_PW": "pw"])
        #expect(both.server.dashboardEnabled && both.server.adminUser == "owner")
        #expect("\(both.server.adminPassword!)" == "{ env = \"ADMIN_PW\" }")
        for half in ["admin_user = \"owner\"", "admin_password = { env = \"ADMIN_PW\" }"] {
            do {
                _ = try parse(half, environment: ["ADMIN_PW": "pw"])
                Issue.record("\(half) alone must be refused")
            } catch {
                #expect(error.problems.contains { $0.message.contains("only one of admin_user and admin_password") })
            }
        }
        do {
            _ = try parse(
                "admin_user = \"a:b\"\nadmin_password = { env = \"ADMIN_PW\" }", environment: ["ADMIN_PW": "pw"])
            Issue.record("a user name with a colon must be refused")
        } catch {
            #expect(error.problems.contains { $0.message.contains("without \":\"") })
        }
    }

    @Test func anInlinePasswordIsAcceptedWithAWarningThatNeverShowsIt() throws {
        let configuration = try parse("admin_user = \"owner\"\nadmin_password = \"hunter2-inline\"")
        #expect(
            configuration.warnings.contains { $0.message.contains("admin_password") && $0.message.contains("inline") })
        #expect(!configuration.warnings.contains { $0.description.contains("hunter2-inline") })
        #expect(!"\(configuration.server)".contains("hunter2-inline"))
    }
}
