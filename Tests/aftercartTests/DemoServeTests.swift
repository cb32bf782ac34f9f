import ChildProcessTesting
import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// `aftercart demo --serve`: after the demo, `serve` runs in the same
/// process on the demo's config (it once trapped on a second logging
/// bootstrap), and answers the links the demo printed, the merchant's
/// dashboard included, at the port the links name.
@Suite struct DemoServeTests {
    /// A port nothing listens on now: bound to 0, read back, released.
    static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(socket >= 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(socket, pointer, length) == 0 && getsockname(socket, pointer, &length) == 0
            }
        }
        try #require(bound)
        return Int(UInt16(bigEndian: address.sin_port))
    }

    @Test func theDemoServesItsLinksAndDashboardAfterwards() async throws {
        let cli = try CLIProcess()
        defer { cli.remove() }
        let port = try Self.freePort()
        let demo = try cli.start(
            ["demo", "--orders", "40", "--dir", "demo", "--serve", "--port", "\(port)"], capture: true)
        defer { if demo.isRunning { demo.terminate() } }
        var printed: [String] = []
        while printed.count < 1_000, !(printed.last ?? "").hasPrefix("listening on") {
            let line = await demo.firstLine()
            if line.isEmpty && !demo.isRunning { break }
            printed.append(line)
        }
        #expect(printed.last == "listening on http://127.0.0.1:\(port)", "\(printed.suffix(20))")
        let dashboard = try #require(
            printed.first { $0.hasPrefix("and the merchant's dashboard") }?.split(separator: " ").last.map(String.init))
        #expect(dashboard.hasPrefix("http://127.0.0.1:\(port)/dashboard?store=tokyo-woo&from="))

        var request = URLRequest(url: try #require(URL(string: dashboard)))
        request.setValue(
            "Basic " + Data("merchant:demo".utf8).base64EncodedString(), forHTTPHeaderField: "Authorization")
        let (body, response) = try await URLSession.shared.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        let page = String(decoding: body, as: UTF8.self)
        #expect(page.contains("Tokyo Mugs") && page.contains("<svg"), "\(page.prefix(400))")
        let health = try await ServeCommandTests.get("http://127.0.0.1:\(port)/healthz")
        #expect(health.status == 200)

        demo.terminate()
        #expect(await ServeCommandTests.exitStatus(of: demo) == 0)
    }
}
