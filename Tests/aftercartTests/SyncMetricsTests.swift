import Foundation
import MockStores
import Testing

/// The Prometheus series a sync leaves, read from `sync --metrics-file`
/// (the same registry the daemon's `/metrics` renders).
@Suite struct SyncMetricsTests {
    private func writeConfig(_ cli: CLIProcess, mock: MockStoreServer) throws {
        try cli.write(
            """
            [database]
            url = "sqlite:data/aftercart.sqlite"

            [[stores]]
            name = "tokyo-woo"
            platform = "woocommerce"
            base_url = "\(mock.baseURL)"
            consumer_key = { env = "WOO_KEY" }
            consumer_secret = { env = "WOO_SECRET" }
            timezone = "Asia/Tokyo"
            marketing_consent = "unknown"
            """, to: "config/aftercart.toml")
    }

    /// `name{labels} value` lines by their series, comments skipped.
    static func series(_ text: String) -> [String: Double] {
        var values: [String: Double] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else {
                continue
            }
            values[String(line[..<space])] = value
        }
        return values
    }

    @Test func aSyncRecordsRecordsPagesRequestsRetriesAndLag() async throws {
        let mock = try await MockStoreServer.start(.woocommerce(WooCommerceMockOptions(orders: 250, seed: 12)))
        let cli = try CLIProcess()
        defer { cli.remove() }
        do {
            try writeConfig(cli, mock: mock)
            // `check` keeps the store's facts, so the sync below asks for none
            // and its requests are the pages alone.
            let check = try await cli.run(["check"], environment: SyncCommandTests.secrets)
            #expect(check.status == 0, "\(check.stderr)")
            // The sync's second API request is refused with a 429 and retried.
            mock.setFaults(try MockFaultPlan(spec: "429@\(mock.stats().total + 2)"))
            let outcome = try await cli.run(
                ["sync", "--resources", "orders", "--metrics-file", "metrics/aftercart.prom"],
                environment: SyncCommandTests.secrets)
            #expect(outcome.status == 0, "\(outcome.stderr)")
            let text = try String(
                contentsOf: cli.directory.appendingPathComponent("metrics/aftercart.prom"), encoding: .utf8)
            let series = Self.series(text)
            let labels = #"{store="tokyo-woo",resource="orders"}"#
            #expect(series["aftercart_sync_records_total\(labels)"] == 250, "\(text)")
            #expect(series["aftercart_sync_pages_total\(labels)"] == 3)
            #expect(series["aftercart_sync_duration_seconds_count\(labels)"] == 1)
            #expect((series["aftercart_sync_duration_seconds_sum\(labels)"] ?? 0) > 0)
            #expect(series["aftercart_sync_errors_total\(labels)"] == nil)
            // Three pages and the trash list read before them.
            #expect(series[#"aftercart_http_requests_total{store="tokyo-woo",status="200"}"#] == 4)
            #expect(series[#"aftercart_http_requests_total{store="tokyo-woo",status="429"}"#] == 1)
            #expect(series[#"aftercart_http_rate_limited_total{store="tokyo-woo"}"#] == 1)
            #expect(series[#"aftercart_http_retries_total{store="tokyo-woo"}"#] == 1)
            let lag = try #require(series[#"aftercart_sync_lag_seconds{store="tokyo-woo"}"#])
            #expect(lag >= 0 && lag < 600)
        } catch {
            await mock.stop()
            throw error
        }
        await mock.stop()
    }

    @Test func anUnwritableMetricsFileIsAClearErrorAndTheSyncIsKept() async throws {
        let mock = try await MockStoreServer.start(.woocommerce(WooCommerceMockOptions(orders: 30, seed: 2)))
        let cli = try CLIProcess()
        defer { cli.remove() }
        do {
            try writeConfig(cli, mock: mock)
            try cli.write("not a folder", to: "blocker")
            let outcome = try await cli.run(
                ["sync", "--resources", "orders", "--metrics-file", "blocker/aftercart.prom"],
                environment: SyncCommandTests.secrets)
            #expect(outcome.status == 1)
            #expect(outcome.stderr.contains("cannot write metrics to blocker/aftercart.prom"), "\(outcome.stderr)")
            #expect(outcome.stdout.contains("tokyo-woo orders: synced 1 pages, 30 records"))
            let export = try await cli.run(["export", "orders"])
            #expect(export.stdout.split(separator: "\n").count == 30)
        } catch {
            await mock.stop()
            throw error
        }
        await mock.stop()
    }
}
