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
        let output: Data = try await withCheckedThrowingContinuation { continuation in
            // Off the cooperative pool: the child's output is read blocking.
            DispatchQueue.global().async {
                continuation.resume(with: Result { try run(script: script, input: input) })
            }
        }
        guard let object = try JSONSerialization.jsonObject(with: output) as? [String: Any] else {
            throw TestServerError("python email parser printed no JSON")
        }
        return object
    }

    private static func run(script: String, input: URL) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, input.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        return pipe.fileHandleForReading.readDataToEndOfFile()
    }
}
