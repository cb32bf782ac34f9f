import AftercartDelivery
import AftercartModel
import AftercartStore
import ArgumentParser
import Foundation
import Logging

/// `aftercart-bench delivery`: messages/s through the file channel and to a
/// local SMTP server, each as a ratio to its own limit measured in the same
/// run: the channel alone, handed ready messages with no outbox around it.
struct DeliveryBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delivery",
        abstract: "Messages/s through the outbox executor vs the channel alone (file, local SMTP).")

    @Option(help: "Emails per run.")
    var messages: Int = 2_000

    @Option(help: "Channels, comma separated: file, smtp.")
    var channels: String = "file,smtp"

    @Option(help: "Folder for the SQLite files and .eml folders (deleted afterwards).")
    var workDirectory: String = NSTemporaryDirectory()

    func run() async throws {
        let chosen = channels.split(separator: ",").map(String.init)
        for name in chosen where !["file", "smtp"].contains(name) {
            throw ValidationError("unknown channel '\(name)'; use file or smtp")
        }
        let directory = URL(fileURLWithPath: workDirectory).appendingPathComponent("aftercart-delivery-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        print("## Delivery: \(messages) emails per run, outbox executor vs channel alone\n")
        let table = BenchmarkTable(columns: [
            "channel", "messages", "channel alone, msgs/s", "executor, msgs/s", "ratio to channel alone",
        ])
        table.header()
        for name in chosen {
            let server = name == "smtp" ? try DiscardingSMTPServer.start() : nil
            defer { server?.stop() }
            func makeChannel(_ run: String) -> any MessageChannel {
                if let server {
                    return SMTPChannel(settings: SMTPSettings(url: server.url))
                }
                return FileChannel(directory: directory.appendingPathComponent("\(run)-eml", isDirectory: true))
            }
            let alone = try await channelAlone(makeChannel("alone"))
            let executor = try await throughExecutor(makeChannel("executor"), directory: directory)
            table.row([
                name, "\(messages)", alone.grouped, executor.grouped, (executor / alone).twoDecimals,
            ])
        }
    }

    private static var from: MailAddress {
        get throws { try MailAddress(address: "hello@shop.example", name: "Shop") }
    }

    private func email(_ index: Int) -> EmailAction {
        EmailAction(
            to: "buyer\(index)@example.test", toName: "Buyer \(index)",
            subject: "Your order #\(10_000 + index) is on its way — Grüße",
            text: String(repeating: "Your parcel left our warehouse today. ", count: 20),
            html: "<p>" + String(repeating: "Your parcel left our warehouse today. ", count: 20) + "</p>",
            transactional: true)
    }

    /// The limit: ready messages handed straight to the channel, batches of 50.
    private func channelAlone(_ channel: any MessageChannel) async throws -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        for index in 0..<messages {
            let action = email(index)
            let message = OutgoingMessage(
                from: try Self.from, to: try MailAddress(address: action.to, name: action.toName),
                subject: action.subject, text: action.text, html: action.html, date: Date(),
                origin: .init(
                    outboxID: Int64(index), idempotencyKey: "bench/alone/\(index)", store: "bench",
                    campaign: "bench", action: .sendEmail, transactional: true))
            _ = try await channel.deliver(message, connector: nil)
            if index % 50 == 49 { await channel.finishBatch() }
        }
        await channel.finishBatch()
        let seconds = (clock.now - start).seconds
        await channel.shutdown()
        return Double(messages) / seconds
    }

    /// The product path: rows in a fresh SQLite outbox, claimed, marked
    /// sending, delivered and recorded by ``DeliveryExecutor``.
    private func throughExecutor(_ channel: any MessageChannel, directory: URL) async throws -> Double {
        let path = directory.appendingPathComponent("outbox-\(UUID().uuidString.prefix(8)).sqlite").path
        let persistence = try await SQLitePersistence.open(path: path)
        let past = Date(timeIntervalSince1970: 1_700_000_000)
        var rows: [NewOutboxEntry] = []
        for index in 0..<messages {
            rows.append(
                NewOutboxEntry(
                    idempotencyKey: "bench/executor/\(index)", store: "bench", campaign: "bench",
                    subjectKind: .orders, subjectID: "\(index)", action: .sendEmail,
                    payload: String(decoding: try ModelJSON.encoder().encode(email(index)), as: UTF8.self),
                    notBefore: past))
        }
        _ = try await persistence.enqueue(rows, now: past)
        let executor = DeliveryExecutor(
            outbox: persistence, channel: channel, options: DeliveryOptions(from: try Self.from), now: { Date() },
            logger: Logger(label: "bench.delivery"))
        let clock = ContinuousClock()
        let start = clock.now
        let report = try await executor.run(connectors: [:])
        let seconds = (clock.now - start).seconds
        await channel.shutdown()
        try await persistence.close()
        guard report.count(.done) == messages else {
            throw ValidationError("only \(report.count(.done)) of \(messages) emails were sent")
        }
        return Double(messages) / seconds
    }
}

/// aiosmtpd on 127.0.0.1 answering 250 to every message and keeping none:
/// what is measured is Aftercart's side, not a disk.
struct DiscardingSMTPServer {
    let process: Process
    let port: Int

    var url: URL { URL(string: "smtp://127.0.0.1:\(port)")! }

    static func start() throws -> DiscardingSMTPServer {
        let script = """
            import asyncio
            from aiosmtpd.smtp import SMTP

            class Handler:
                async def handle_DATA(self, server, session, envelope):
                    return "250 2.0.0 accepted"

            async def main():
                server = await asyncio.get_running_loop().create_server(lambda: SMTP(Handler()), "127.0.0.1", 0)
                print(server.sockets[0].getsockname()[1], flush=True)
                await server.serve_forever()

            asyncio.run(main())
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while let byte = try output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
            line.append(byte)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self)) else {
            process.terminate()
            throw ValidationError("aiosmtpd did not start (python3 -m pip install aiosmtpd)")
        }
        return DiscardingSMTPServer(process: process, port: port)
    }

    func stop() {
        // SIGKILL: a child inherits this process's blocked SIGTERM.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
