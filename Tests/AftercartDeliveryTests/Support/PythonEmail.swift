import ChildProcessTesting
import Foundation

/// Parses a raw message with Python's `email` package (an independent
/// RFC 5322/2047 reader) and returns its decoded headers and parts.
enum PythonEmail {
    static func parse(_ raw: Data) async throws -> [String: Any] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("aftercart-eml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("message.eml")
        try raw.write(to: input)
        let script = #"""
            import email, json, sys
            from email import policy
            with open(sys.argv[1], "rb") as f:
                message = email.message_from_binary_file(f, policy=policy.default)
            parts = [{"type": p.get_content_type(), "body": p.get_content()} for p in message.iter_parts()] \
                if message.is_multipart() else []
            print(json.dumps({
                "subject": str(message["subject"]), "to": str(message["to"]), "from": str(message["from"]),
                "bcc": message["bcc"] and str(message["bcc"]), "content_type": message.get_content_type(),
                "parts": parts, "header_names": list(message.keys())}))
            """#
        let printed = folder.appendingPathComponent("parsed.json")
        let errors = folder.appendingPathComponent("stderr")
        let status = try await ChildProcess.run(
            "/usr/bin/env", arguments: ["python3", "-c", script, input.path],
            environment: ProcessInfo.processInfo.environment, directory: folder.path, stdout: printed.path,
            stderr: errors.path, limit: .seconds(120))
        let output = try Data(contentsOf: printed)
        guard status == 0 else {
            let stderr = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
            throw TestServerError("python email parser exited \(status): \(stderr.suffix(400))")
        }
        guard let object = try JSONSerialization.jsonObject(with: output) as? [String: Any] else {
            throw TestServerError("python email parser printed no JSON")
        }
        return object
    }
}
