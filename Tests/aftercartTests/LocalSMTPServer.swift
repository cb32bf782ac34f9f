import ChildProcessTesting
import Foundation

/// A real SMTP server (aiosmtpd, installed by `scripts/install-deps.sh`) on
/// 127.0.0.1 and a free port, saving each message it accepts to a folder.
///
/// A smaller copy of the delivery tests' server: this target cannot import
/// that test target.
final class LocalSMTPServer: @unchecked Sendable {
    let port: Int
    let folder: URL
    private let process: SpawnedChild

    var url: String { "smtp://127.0.0.1:\(port)" }

    /// One message the server accepted.
    struct Received {
        var recipients: [String]
        var raw: Data

        /// The `Message-ID` header's value, read from the header block.
        var messageID: String? {
            let text = String(decoding: raw, as: UTF8.self)
            let header = text.components(separatedBy: "\r\n\r\n").first ?? text
            for line in header.components(separatedBy: "\r\n") where line.lowercased().hasPrefix("message-id:") {
                return line.dropFirst("message-id:".count).trimmingCharacters(in: .whitespaces)
            }
            return nil
        }
    }

    private init(port: Int, folder: URL, process: SpawnedChild) {
        self.port = port
        self.folder = folder
        self.process = process
    }

    /// The messages accepted so far, in order.
    var messages: [Received] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".eml") }.sorted()
        return names.compactMap { name in
            let eml = folder.appendingPathComponent(name)
            let meta = eml.deletingPathExtension().appendingPathExtension("json")
            guard let raw = FileManager.default.contents(atPath: eml.path),
                let metaData = FileManager.default.contents(atPath: meta.path),
                let object = try? JSONSerialization.jsonObject(with: metaData) as? [String: Any]
            else { return nil }
            return Received(recipients: object["rcpt_tos"] as? [String] ?? [], raw: raw)
        }
    }

    /// Starts the server; each message is accepted `delay` after its data
    /// arrived (a slow relay, so a test can kill a sender mid-send).
    static func start(delay: Duration = .zero) async throws -> LocalSMTPServer {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("aftercart-smtp-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let script = folder.appendingPathComponent("server.py")
        try Data(pythonServer.utf8).write(to: script)
        let seconds = Double(delay.components.seconds) + Double(delay.components.attoseconds) / 1e18
        // The script prints its port once it listens.
        let process = try ChildProcess.spawn(
            "/usr/bin/env", arguments: ["python3", script.path, folder.path, "\(seconds)"],
            environment: ProcessInfo.processInfo.environment, directory: folder.path, stdout: .pipe,
            stderr: .discarded)
        let line = await process.firstLine()
        guard let port = Int(line.trimmingCharacters(in: .whitespaces)), port > 0 else {
            kill(process.processIdentifier, SIGKILL)
            throw LocalSMTPServerError(
                description:
                    "aiosmtpd did not start (is it installed? scripts/install-deps.sh runs python3 -m pip install aiosmtpd)"
            )
        }
        return LocalSMTPServer(port: port, folder: folder, process: process)
    }

    func stop() async {
        // SIGKILL: the test process blocks SIGTERM, and children inherit the mask.
        kill(process.processIdentifier, SIGKILL)
        _ = try? await process.exitStatus(within: .seconds(60))
        try? FileManager.default.removeItem(at: folder)
    }

    private static let pythonServer = #"""
        import asyncio, json, os, sys
        from aiosmtpd.smtp import SMTP

        folder = sys.argv[1]
        delay = float(sys.argv[2]) if len(sys.argv) > 2 else 0.0

        class Handler:
            def __init__(self):
                self.count = 0

            async def handle_DATA(self, server, session, envelope):
                if delay > 0:
                    await asyncio.sleep(delay)
                self.count += 1
                stem = os.path.join(folder, "%04d" % self.count)
                with open(stem + ".eml", "wb") as f:
                    f.write(envelope.original_content)
                with open(stem + ".json", "w") as f:
                    json.dump({"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos}, f)
                return "250 2.0.0 queued as %04d" % self.count

        async def main():
            handler = Handler()
            loop = asyncio.get_running_loop()
            server = await loop.create_server(lambda: SMTP(handler), "127.0.0.1", 0)
            print(server.sockets[0].getsockname()[1], flush=True)
            await server.serve_forever()

        asyncio.run(main())
        """#
}

struct LocalSMTPServerError: Error, CustomStringConvertible {
    var description: String
}
