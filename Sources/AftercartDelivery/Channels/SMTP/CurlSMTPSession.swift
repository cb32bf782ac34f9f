import CCurl
import Foundation

/// One libcurl easy handle, used only on ``queue``: libcurl keeps the SMTP
/// connection open inside the handle, so consecutive messages reuse it.
final class CurlSMTPSession: @unchecked Sendable {
    let queue = DispatchQueue(label: "aftercart.smtp")
    private let settings: SMTPSettings
    // Touched only on `queue`.
    private var handle: UnsafeMutableRawPointer?
    private let io = CurlIO()

    private static let globalInit: CURLcode = curl_global_init(Int(CURL_GLOBAL_ALL))

    init(settings: SMTPSettings) {
        self.settings = settings
    }

    deinit {
        if let handle { curl_easy_cleanup(handle) }
    }

    func close() {
        if let handle { curl_easy_cleanup(handle) }
        handle = nil
    }

    /// Sends one message; runs on ``queue``.
    func send(from: String, to: String, body: Data) -> Result<String, ChannelFailure> {
        guard Self.globalInit == CURLE_OK else {
            return .failure(ChannelFailure(transient: false, "libcurl could not initialise"))
        }
        guard let handle = openHandle() else {
            return .failure(ChannelFailure(transient: true, "libcurl could not create a handle"))
        }
        io.reset(body: body)
        let recipients = curl_slist_append(nil, "<\(to)>")
        defer { curl_slist_free_all(recipients) }
        _ = aftercart_curl_setopt_string(handle, CURLOPT_MAIL_FROM, "<\(from)>")
        _ = aftercart_curl_setopt_slist(handle, CURLOPT_MAIL_RCPT, recipients)
        let code = curl_easy_perform(handle)
        _ = aftercart_curl_setopt_slist(handle, CURLOPT_MAIL_RCPT, nil)
        var reply = 0
        _ = aftercart_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &reply)
        let serverText = io.lastReply(code: reply)
        if code == CURLE_OK {
            return .success(serverText ?? "\(reply)")
        }
        return .failure(Self.failure(code: code, reply: reply, serverText: serverText, server: settings.url))
    }

    private func openHandle() -> UnsafeMutableRawPointer? {
        if let handle { return handle }
        guard let created = curl_easy_init() else { return nil }
        _ = aftercart_curl_setopt_string(created, CURLOPT_URL, settings.url.absoluteString)
        _ = aftercart_curl_setopt_long(created, CURLOPT_NOSIGNAL, 1)
        _ = aftercart_curl_setopt_long(created, CURLOPT_UPLOAD, 1)
        _ = aftercart_curl_setopt_long(created, CURLOPT_CONNECTTIMEOUT, settings.connectTimeout)
        _ = aftercart_curl_setopt_long(created, CURLOPT_TIMEOUT, settings.messageTimeout)
        if settings.url.scheme?.lowercased() == "smtp" {
            let level = settings.startTLS == .required ? CURLUSESSL_ALL : CURLUSESSL_TRY
            _ = aftercart_curl_setopt_long(created, CURLOPT_USE_SSL, Int(level.rawValue))
        }
        if let user = settings.user {
            _ = aftercart_curl_setopt_string(created, CURLOPT_USERNAME, user)
        }
        if let password = settings.password {
            _ = aftercart_curl_setopt_string(created, CURLOPT_PASSWORD, password.revealed())
        }
        let userdata = Unmanaged.passUnretained(io).toOpaque()
        _ = aftercart_curl_setopt_pointer(created, CURLOPT_READDATA, userdata)
        _ = aftercart_curl_setopt_io_callback(created, CURLOPT_READFUNCTION) { buffer, size, count, userdata in
            guard let buffer, let userdata else { return 0 }
            return Unmanaged<CurlIO>.fromOpaque(userdata).takeUnretainedValue().read(into: buffer, max: size * count)
        }
        // Verbose output goes only to this callback, which keeps the server's
        // reply lines (never what we sent: AUTH lines carry the password).
        _ = aftercart_curl_setopt_long(created, CURLOPT_VERBOSE, 1)
        _ = aftercart_curl_setopt_pointer(created, CURLOPT_DEBUGDATA, userdata)
        _ = aftercart_curl_setopt_debug_callback(created, CURLOPT_DEBUGFUNCTION) { _, type, data, size, userdata in
            guard type == CURLINFO_HEADER_IN, let data, let userdata else { return 0 }
            let line = String(
                decoding: UnsafeRawBufferPointer(start: data, count: size), as: UTF8.self)
            Unmanaged<CurlIO>.fromOpaque(userdata).takeUnretainedValue().noteReply(line)
            return 0
        }
        handle = created
        return created
    }

    /// Classifies a failed transfer: 5xx replies are refusals that will
    /// repeat; 4xx replies and broken connections may pass later.
    static func failure(code: CURLcode, reply: Int, serverText: String?, server: URL) -> ChannelFailure {
        let curlText = String(cString: curl_easy_strerror(code))
        let host = "\(server.scheme ?? "smtp")://\(server.host ?? "?")\(server.port.map { ":\($0)" } ?? "")"
        if (500...599).contains(reply) {
            return ChannelFailure(
                transient: false, "SMTP server \(host) refused the message: \(serverText ?? "\(reply)")")
        }
        if (400...499).contains(reply) {
            return ChannelFailure(
                transient: true, "SMTP server \(host) deferred the message: \(serverText ?? "\(reply)")")
        }
        switch code {
        case CURLE_LOGIN_DENIED:
            return ChannelFailure(
                transient: false, "SMTP server \(host) refused the login: check smtp_user and smtp_password")
        case CURLE_USE_SSL_FAILED:
            return ChannelFailure(transient: false, "SMTP server \(host) does not offer STARTTLS, which is required")
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT:
            return ChannelFailure(transient: false, "smtp_url \(host) is not usable: \(curlText)")
        default:
            return ChannelFailure(transient: true, "SMTP server \(host): \(curlText)")
        }
    }
}

/// The message bytes curl reads and the reply lines it reports; touched
/// only during `curl_easy_perform` on the session's queue.
final class CurlIO: @unchecked Sendable {
    private var body: [UInt8] = []
    private var offset = 0
    private(set) var replies: [String] = []

    func reset(body: Data) {
        self.body = Array(body)
        offset = 0
        replies = []
    }

    func read(into buffer: UnsafeMutablePointer<CChar>, max: Int) -> Int {
        let count = min(max, body.count - offset)
        guard count > 0 else { return 0 }
        body.withUnsafeBufferPointer { source in
            UnsafeMutableRawPointer(buffer).copyMemory(from: source.baseAddress! + offset, byteCount: count)
        }
        offset += count
        return count
    }

    func noteReply(_ line: String) {
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        if !trimmed.isEmpty { replies.append(trimmed) }
        if replies.count > 20 { replies.removeFirst(replies.count - 20) }
    }

    /// The last reply line with `code` (the reply the transfer ended on;
    /// curl may say QUIT after it), else the last line with any code.
    func lastReply(code: Int) -> String? {
        replies.last { $0.hasPrefix(String(code)) }
            ?? replies.last { $0.count >= 3 && $0.prefix(3).allSatisfy(\.isNumber) }
    }
}
