import AftercartModel
import Foundation
import MockStores
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Issue 19's proof: a customer's mail client posts the RFC 8058 one-click
/// unsubscribe from a real marketing email to the real `aftercart serve`;
/// the next plan writes them no marketing, and the next send writes the
/// opt-out into the store's own consent field.
extension UnsubscribeCommandTests {
    @Test func aOneClickPostThroughTheServerSuppressesTheNextPlanAndReachesTheStore() async throws {
        let mock = try await MockStoreServer.start(.woocommerce(WooCommerceMockOptions(orders: 120, seed: 7)))
        let cli = try CLIProcess()
        defer { cli.remove() }
        do {
            try prepare(cli, mock: mock)
            let config = cli.directory.appendingPathComponent("config/aftercart.toml")
            let text = try String(contentsOf: config, encoding: .utf8)
            try cli.write(
                text + "\n\n[server]\npublic_url = \"https://aftercart.shop.example\"\n", to: "config/aftercart.toml")
            #expect(try await cli.run(["sync"], environment: PlanCommandTests.secrets).status == 0)
            let at = Timestamp.format(mock.clock)
            #expect(try await cli.run(["plan", "--at", at]).status == 0)
            let send = try await cli.run(["send"], environment: PlanCommandTests.secrets)
            #expect(send.status == 0, "\(send.stderr)")

            // A customer with a review request in the outbox whom the plan a month on would write
            // marketing again, and that request as their mail client reads it.
            let later = Timestamp.format(mock.clock.addingTimeInterval(30 * 86_400))
            let before = try await actionsByEmail(cli, at: later)
            let outbox = cli.directory.appendingPathComponent("data/outbox")
            var chosen: (recipient: String, headers: String)?
            for file in try FileManager.default.contentsOfDirectory(atPath: outbox.path).sorted()
            where file.hasPrefix("review-request_") && file.hasSuffix(".eml") {
                let raw = try String(contentsOf: outbox.appendingPathComponent(file), encoding: .utf8)
                let headers = raw.components(separatedBy: "\r\n\r\n")[0].replacingOccurrences(of: "\r\n ", with: " ")
                guard let to = Self.header("To", in: headers)?.split(separator: "<").last?.dropLast() else { continue }
                if !marketing(before[to.lowercased()] ?? []).isEmpty {
                    chosen = (to.lowercased(), headers)
                    break
                }
            }
            let (recipient, headers) = try #require(chosen)
            let list = try #require(Self.header("List-Unsubscribe", in: headers))
            #expect(Self.header("List-Unsubscribe-Post", in: headers) == "List-Unsubscribe=One-Click")
            let link = try #require(list.split(separator: ">").first?.dropFirst())
            let path = String(link.dropFirst("https://aftercart.shop.example".count))
            #expect(path.hasPrefix("/unsubscribe/") && !path.lowercased().contains(recipient.prefix(6)))
            #expect(try await storeConsent(of: recipient, cli) == true)

            let server = try cli.start(
                ["serve", "--port", "0", "--log-level", "warning"], environment: ServeCommandTests.environment,
                capture: true)
            defer { if server.isRunning { server.terminate() } }
            let base = String(await server.firstLine().dropFirst("listening on ".count))
            var request = URLRequest(url: try #require(URL(string: base + path)))
            request.httpMethod = "POST"
            request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data("List-Unsubscribe=One-Click".utf8)
            let (_, response) = try await URLSession.shared.data(for: request)
            #expect((response as? HTTPURLResponse)?.statusCode == 200)
            server.terminate()
            #expect(await ServeCommandTests.exitStatus(of: server) == 0)

            // The next plan, a month on, writes this customer no marketing (though the records synced
            // before still show consent) and everyone else what it would have written them.
            let after = try await actionsByEmail(cli, at: later)
            #expect(marketing(after[recipient] ?? []).isEmpty)
            for (email, actions) in before where email != recipient {
                #expect(marketing(after[email] ?? []).count == marketing(actions).count, "\(email)")
            }
            let plan = try await cli.run(["plan", "--at", later])
            #expect(plan.status == 0 && plan.stdout.contains("unsubscribed"), "\(plan.stdout)")

            // The next send writes the opt-out into the store's consent meta; the store itself now says no.
            let writeBack = try await cli.run(["send"], environment: PlanCommandTests.secrets)
            #expect(writeBack.stdout.contains("withdraw_consent 1"), "\(writeBack.stdout)\n\(writeBack.stderr)")
            #expect(try await cli.run(["sync"], environment: PlanCommandTests.secrets).status == 0)
            #expect(try await storeConsent(of: recipient, cli) == false)
        } catch {
            await mock.stop()
            throw error
        }
        await mock.stop()
    }

    /// An unfolded header's value.
    static func header(_ name: String, in headers: String) -> String? {
        headers.components(separatedBy: "\r\n").first { $0.hasPrefix(name + ": ") }.map {
            String($0.dropFirst(name.count + 2))
        }
    }

    /// The consent `email`'s customer record holds as last synced from the store.
    private func storeConsent(of email: String, _ cli: CLIProcess) async throws -> Bool? {
        let export = try await cli.run(["export", "customers", "--store", "tokyo-woo"])
        #expect(export.status == 0, "\(export.stderr)")
        return try export.stdout.split(separator: "\n").map {
            try ModelJSON.decoder().decode(Customer.self, from: Data($0.utf8))
        }.first { $0.email.lowercased() == email }?.acceptsMarketing
    }
}
