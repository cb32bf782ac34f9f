import Foundation

/// An address a customer's page may link to or load: absolute `http` or
/// `https` only. Links on the page come from platforms and merchants'
/// settings; a `javascript:` or `data:` one would run in the page's origin.
enum WebAddress {
    /// `text` trimmed when it is an absolute web address, else `nil`.
    static func checked(_ text: String?) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), let url = URL(string: text),
            let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http", url.host?.isEmpty == false
        else { return nil }
        return text
    }
}
