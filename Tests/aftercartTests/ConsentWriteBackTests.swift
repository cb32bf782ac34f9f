import AftercartModel
import Foundation
import MockStores
import Testing

/// An unsubscribe reaches the store: `aftercart unsubscribe`, then `send`
/// writes the opt-out to the WooCommerce emulator's consent meta, and the
/// next `sync` reads "no consent" from the store itself.
extension UnsubscribeCommandTests {
    private func customers(_ cli: CLIProcess) async throws -> [Customer] {
        let export = try await cli.run(["export", "customers", "--store", "tokyo-woo"])
        #expect(export.status == 0, "\(export.stderr)")
        return try export.stdout.split(separator: "\n").map {
            try ModelJSON.decoder().decode(Customer.self, from: Data($0.utf8))
        }
    }

    @Test func theNextSendWritesTheOptOutToTheStoreAndTheNextSyncReadsIt() async throws {
        let mock = try await MockStoreServer.start(.woocommerce(WooCommerceMockOptions(orders: 120, seed: 7)))
        let cli = try CLIProcess()
        defer { cli.remove() }
        do {
            try prepare(cli, mock: mock)
            let sync = try await cli.run(["sync"], environment: PlanCommandTests.secrets)
            #expect(sync.status == 0, "\(sync.stderr)")
            let at = Timestamp.format(mock.clock)
            let before = try await actionsByEmail(cli, at: at)
            let chosen = try #require(before.filter { !marketing($0.value).isEmpty }.keys.sorted().first)
            #expect(try await customers(cli).first { $0.email.lowercased() == chosen }?.acceptsMarketing == true)

            let unsubscribe = try await cli.run(["unsubscribe", "--store", "tokyo-woo", "--email", chosen])
            #expect(unsubscribe.status == 0, "\(unsubscribe.stderr)")
            #expect(unsubscribe.stdout.contains("queued the opt-out for the store"), "\(unsubscribe.stdout)")
            let again = try await cli.run(["unsubscribe", "--store", "tokyo-woo", "--email", chosen])
            #expect(again.stdout.contains("already queued"), "\(again.stdout)")

            let send = try await cli.run(["send"], environment: PlanCommandTests.secrets)
            #expect(send.status == 0, "\(send.stdout)\n\(send.stderr)")
            #expect(send.stdout.contains("done 1 (withdraw_consent 1)"), "\(send.stdout)")
            let status = try await cli.run(["status"], environment: PlanCommandTests.secrets)
            #expect(status.status == 0, "\(status.stderr)")

            let resync = try await cli.run(["sync"], environment: PlanCommandTests.secrets)
            #expect(resync.status == 0, "\(resync.stderr)")
            // The store's own record now says no, whatever Aftercart recorded locally.
            #expect(try await customers(cli).first { $0.email.lowercased() == chosen }?.acceptsMarketing == false)
            let after = try await actionsByEmail(cli, at: at)
            #expect(marketing(after[chosen] ?? []).isEmpty)
        } catch {
            await mock.stop()
            throw error
        }
        await mock.stop()
    }
}
