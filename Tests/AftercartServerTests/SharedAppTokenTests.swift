import AftercartConnector
import AftercartModel
import AftercartServer
import AftercartStore
import Foundation
import MockStores
import ShopifyConnector
import Testing

/// Two workers (two openings of one database, as two `run` processes have)
/// share the client credentials grant's token through the database: the
/// second finds the first's live token instead of asking for another.
@Suite struct SharedAppTokenTests {
    static let clientID = "a1b2c3d4e5f60718293a4b5c6d7e8f90"
    static let clientSecret = "shpss_0123456789abcdef0123456789abcdef"

    @Test func twoWorkersOnOneDatabaseAskForOneToken() async throws {
        let mock = try await MockStoreServer.start(
            .shopify(
                ShopifyMockOptions(
                    orders: 20, seed: 6, leakRate: 0, clientID: Self.clientID, clientSecret: Self.clientSecret)))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "aftercart-tokens-\(UUID().uuidString)", isDirectory: true)
        let path = folder.appendingPathComponent("db.sqlite").path
        let first = try await SQLitePersistence.open(path: path)
        let second = try await SQLitePersistence.open(path: path)
        do {
            let workers = try [first, second].map { database in
                try ShopifyConnector.registration.makeConnector(
                    ConnectorSettings(
                        store: "osaka-shopify", platform: "shopify",
                        values: ["base_url": mock.baseURL, "client_id": Self.clientID],
                        secrets: ["client_secret": Secret(Self.clientSecret)]),
                    ConnectorEnvironment(
                        client: TestStores.environment.client, logger: RunningServer.quietLogger,
                        vault: DatabaseCredentialVault(database)))
            }
            for worker in workers { _ = try await worker.check() }
            #expect(mock.shopifyTokenGrants == 1)
            let kept = try #require(try await second.appCredential(store: "osaka-shopify"))
            #expect(kept.accessToken.revealed().hasPrefix("shpat_grant_1_"))
            #expect(kept.accessExpiresAt != nil && kept.refreshToken == nil)
        } catch {
            try? await first.close()
            try? await second.close()
            await mock.stop()
            throw error
        }
        try await first.close()
        try await second.close()
        await mock.stop()
        try? FileManager.default.removeItem(at: folder)
    }
}
