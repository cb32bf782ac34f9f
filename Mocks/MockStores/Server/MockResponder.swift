import Foundation
import Hummingbird
import NIOCore

/// Turns Hummingbird requests into emulator calls, applying faults and counting requests.
struct MockResponder: HTTPResponder {
    typealias Context = MockRequestContext
    let core: ServerCore
    let info: @Sendable () -> [(String, String)]

    func respond(to request: Request, context: MockRequestContext) async throws -> Response {
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName] = field.value }
        let uri = request.uri
        let mock = MockRequest(
            method: request.method.rawValue,
            path: PercentEncoding.decode(Substring(uri.path), plusAsSpace: false),
            query: uri.query.map { PercentEncoding.parseQuery(Substring($0)) } ?? [],
            headers: headers,
            body: Array(buffer: body))

        if mock.path == "/__mock/webhooks/deliver", mock.method == "POST" {
            return Self.convert(await WebhookSubscriptionDelivery.handle(mock, core: core))
        }
        if mock.path.hasPrefix("/__mock/") {
            return Self.convert(AdminRoutes.handle(mock, core: core, info: info))
        }
        guard let emulator = core.emulator else {
            return Response(status: .serviceUnavailable)
        }
        let number = core.recorder.nextRequestNumber()
        let fault = core.fault(forRequest: number, path: mock.path)
        switch fault {
        case .status(let code):
            let response = emulator.faultResponse(status: code)
            core.recorder.record(path: mock.path, status: code, faulted: true)
            return Self.convert(response)
        case .page(let page):
            let response = emulator.pageFault(page, request: mock)
            core.recorder.record(path: mock.path, status: response.status, faulted: true)
            return Self.convert(response)
        case .reset:
            core.recorder.record(path: mock.path, status: 0, faulted: true)
            try await context.channel.close()
            throw CancellationError()
        default:
            break
        }
        var response: MockResponse
        if let subscriptionRoute = await WebhookSubscriptionRoutes.handle(mock, core: core) {
            response = subscriptionRoute
        } else {
            response = await emulator.handle(mock)
        }
        switch fault {
        case .slow(let delay):
            try await Task.sleep(for: delay)
        case .badJSON:
            response.status = 200
            response.body = Self.corrupt(response.body)
        case .truncate:
            core.recorder.record(path: mock.path, status: response.status, faulted: true)
            return Self.truncated(response, channel: context.channel)
        default:
            break
        }
        core.recorder.record(path: mock.path, status: response.status, faulted: fault != nil)
        if let stream = response.stream { return Self.streamed(response, stream, channel: context.channel) }
        return Self.convert(response)
    }

    /// Valid-looking start, then bytes no JSON parser accepts.
    static func corrupt(_ body: ByteBuffer) -> ByteBuffer {
        var out = ByteBuffer()
        let keep = body.readableBytes / 2
        if var prefix = body.getSlice(at: body.readerIndex, length: keep) { out.writeBuffer(&prefix) }
        out.writeString("\u{0}<html>\"unterminated")
        return out
    }

    /// Declares the full length, sends half, then closes the connection.
    static func truncated(_ response: MockResponse, channel: any Channel) -> Response {
        let full = response.body
        let half = full.getSlice(at: full.readerIndex, length: full.readableBytes / 2) ?? ByteBuffer()
        var fields = HTTPFields()
        for (name, value) in response.headers {
            if let n = HTTPFields.Element.Name(name) { fields.append(HTTPFields.Element(name: n, value: value)) }
        }
        let body = ResponseBody(contentLength: full.readableBytes) { writer in
            try await writer.write(half)
            // Let the half body reach the socket before the connection is cut.
            try await Task.sleep(for: .milliseconds(50))
            try await channel.close()
            throw CancellationError()
        }
        return Response(status: Self.status(response.status), headers: fields, body: body)
    }

    static func status(_ code: Int) -> HTTPResponse.Status {
        let phrases = [
            200: "OK", 201: "Created", 303: "See Other", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden",
            404: "Not Found", 413: "Payload Too Large", 422: "Unprocessable Entity", 429: "Too Many Requests",
            500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout",
        ]
        return HTTPResponse.Status(code: code, reasonPhrase: phrases[code] ?? "")
    }

    static func convert(_ response: MockResponse) -> Response {
        var fields = HTTPFields()
        for (name, value) in response.headers {
            if let n = HTTPFields.Element.Name(name) { fields.append(HTTPFields.Element(name: n, value: value)) }
        }
        return Response(
            status: Self.status(response.status), headers: fields, body: ResponseBody(byteBuffer: response.body))
    }
}
