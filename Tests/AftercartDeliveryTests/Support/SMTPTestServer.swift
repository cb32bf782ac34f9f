import ChildProcessTesting
import Foundation

/// A real SMTP server (aiosmtpd, from `scripts/install-deps.sh`) on
/// 127.0.0.1 and a free port, saving each accepted message to a folder.
///
/// Recipients steer it: `reject…@` gets a 550, `defer…@` a 451, and
/// `drop…@` has its connection closed without a reply the first time.
/// With `login`, AUTH (PLAIN/LOGIN, without TLS) is offered and required.
final class SMTPTestServer: @unchecked Sendable {
    let port: Int
    let folder: URL
    private let process: SpawnedChild

    var url: URL { URL(string: "smtp://127.0.0.1:\(port)")! }

    private init(port: Int, folder: URL, process: SpawnedChild) {
        self.port = port
        self.folder = folder
        self.process = process
    }

    struct Received {
        var mailFrom: String
        var recipients: [String]
        var raw: Data
        var text: String { String(decoding: raw, as: UTF8.self) }
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
            return Received(
                mailFrom: object["mail_from"] as? String ?? "", recipients: object["rcpt_tos"] as? [String] ?? [],
                raw: raw)
        }
    }

    /// How many SMTP sessions (EHLO/HELO greetings) the server saw.
    var sessions: Int {
        let log = (try? String(contentsOf: folder.appendingPathComponent("sessions.log"), encoding: .utf8)) ?? ""
        return log.split(separator: "\n").count
    }

    static func start(login: (user: String, password: String)? = nil) async throws -> SMTPTestServer {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("aftercart-smtp-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let script = folder.appendingPathComponent("server.py")
        try Data(pythonServer.utf8).write(to: script)
        var arguments = ["python3", script.path, folder.path]
        if let login { arguments += [login.user, login.password] }
        // The script prints its port once it listens.
        let process = try ChildProcess.spawn(
            "/usr/bin/env", arguments: arguments, environment: ProcessInfo.processInfo.environment,
            directory: folder.path, stdout: .pipe, stderr: .discarded)
        let line = await process.firstLine()
        guard let port = Int(line.trimmingCharacters(in: .whitespaces)), port > 0 else {
            kill(process.processIdentifier, SIGKILL)
            throw TestServerError(
                "aiosmtpd did not start (is it installed? scripts/install-deps.sh runs python3 -m pip install aiosmtpd)"
            )
        }
        return SMTPTestServer(port: port, folder: folder, process: process)
    }

    func stop() async {
        // SIGKILL: the test process blocks SIGTERM, and children inherit the mask.
        kill(process.processIdentifier, SIGKILL)
        _ = try? await process.exitStatus(within: .seconds(60))
        try? FileManager.default.removeItem(at: folder)
    }

    private static let pythonServer = #"""
        import asyncio, json, os, sys
        from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

        folder = sys.argv[1]
        login = (sys.argv[2], sys.argv[3]) if len(sys.argv) > 3 else None
        dropped = set()

        class Handler:
            def __init__(self):
                self.count = 0

            async def handle_EHLO(self, server, session, envelope, hostname, responses):
                session.host_name = hostname
                with open(os.path.join(folder, "sessions.log"), "a") as log:
                    log.write(hostname + "\n")
                return responses

            async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
                if address.startswith("reject"):
                    return "550 5.1.1 <%s>: mailbox unavailable" % address
                if address.startswith("defer"):
                    return "451 4.3.0 mailbox busy, try again later"
                if address.startswith("drop") and address not in dropped:
                    dropped.add(address)
                    server.transport.close()
                    return "421 closing"
                envelope.rcpt_tos.append(address)
                return "250 OK"

            async def handle_DATA(self, server, session, envelope):
                self.count += 1
                stem = os.path.join(folder, "%04d" % self.count)
                with open(stem + ".eml", "wb") as f:
                    f.write(envelope.original_content)
                with open(stem + ".json", "w") as f:
                    json.dump({"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos}, f)
                return "250 2.0.0 queued as %04d" % self.count

        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = isinstance(auth_data, LoginPassword) and login is not None and \
                auth_data.login.decode() == login[0] and auth_data.password.decode() == login[1]
            return AuthResult(success=ok)

        async def main():
            handler = Handler()
            loop = asyncio.get_running_loop()
            def factory():
                if login:
                    return SMTP(handler, authenticator=authenticator, auth_required=True, auth_require_tls=False)
                return SMTP(handler)
            server = await loop.create_server(factory, "127.0.0.1", 0)
            print(server.sockets[0].getsockname()[1], flush=True)
            await server.serve_forever()

        asyncio.run(main())
        """#
}
