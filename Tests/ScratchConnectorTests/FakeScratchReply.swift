import Foundation
import Hummingbird

/// One answer of the fake Scratch platform, before it becomes a response.
struct FakeScratchReply {
    var status: Int
    var headers: [String: String] = [:]
    var body: Data

    init(status: Int, json: Any) {
        self.status = status
        body = (try? JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])) ?? Data()
    }

    /// The response; `truncated` declares the whole body, sends half and
    /// fails the write, which makes the server drop the connection.
    func response(truncated: Bool) -> Response {
        var fields = HTTPFields()
        fields[.contentType] = "application/json"
        for (name, value) in headers { fields[.init(name)!] = value }
        let buffer = ByteBuffer(bytes: body)
        guard truncated else {
            return Response(status: .init(code: status), headers: fields, body: ResponseBody(byteBuffer: buffer))
        }
        let half = buffer.getSlice(at: 0, length: buffer.readableBytes / 2) ?? ByteBuffer()
        return Response(
            status: .init(code: status), headers: fields,
            body: ResponseBody(contentLength: buffer.readableBytes) { writer in
                try await writer.write(half)
                throw CancellationError()
            })
    }
}
