import Hummingbird
import NIOCore

/// The connection was cut on purpose part-way through a streamed body.
struct MockStreamCut: Error {}

extension MockResponder {
    /// A response whose body is written while it is sent; cut (connection closed) after
    /// ``MockBodyStream/cutAfter`` bytes when set.
    static func streamed(_ response: MockResponse, _ stream: MockBodyStream, channel: any Channel) -> Response {
        var fields = HTTPFields()
        for (name, value) in response.headers {
            if let n = HTTPFields.Element.Name(name) { fields.append(HTTPFields.Element(name: n, value: value)) }
        }
        let body = ResponseBody(contentLength: stream.contentLength) { writer in
            var sent = 0
            do {
                try await stream.write { chunk in
                    var chunk = chunk
                    if let cut = stream.cutAfter, sent + chunk.readableBytes >= cut {
                        if let head = chunk.readSlice(length: cut - sent), head.readableBytes > 0 {
                            try await writer.write(head)
                        }
                        throw MockStreamCut()
                    }
                    sent += chunk.readableBytes
                    try await writer.write(chunk)
                }
            } catch is MockStreamCut {
                // Let the bytes before the cut reach the socket first.
                try await Task.sleep(for: .milliseconds(50))
                try await channel.close()
                throw CancellationError()
            }
            try await writer.finish(nil)
        }
        return Response(status: Self.status(response.status), headers: fields, body: body)
    }
}
