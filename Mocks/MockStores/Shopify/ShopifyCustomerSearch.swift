import Foundation

/// `GET customers/search.json?query=…[&fields=…]`: `{"customers": […]}`. The emulator
/// answers the `email:` term (quoted or not, compared ignoring case) the adapter sends
/// to find a customer by address; any other query text matches part of the address or name.
extension ShopifyEmulator {
    func searchCustomers(_ req: MockRequest, _ snap: StoreOverlay) -> MockResponse {
        let query = (req.param("query") ?? "").trimmingCharacters(in: .whitespaces)
        var matches: [Int] = []
        if query.lowercased().hasPrefix("email:") {
            let email = query.dropFirst("email:".count).trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
            matches = state.customerIndex(email: email, snap).map { [$0] } ?? []
        } else if !query.isEmpty {
            let text = query.lowercased()
            matches = (0..<state.profile.customerCount).filter { c in
                let r = state.customer(c, snap)
                return "\(r.email) \(r.firstName) \(r.lastName)".lowercased().contains(text)
            }
        }
        var w = JSONWriter(style: .plain)
        w.fieldFilter = req.param("fields").map {
            Set($0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        }
        // Record keys sit inside the object and its array, as in list responses.
        w.filterDepth = 3
        w.beginObject()
        w.key("customers")
        w.beginArray()
        for c in matches.prefix(50) { customerRenderer.render(state.customer(c, snap), embedded: false, into: &w) }
        w.endArray()
        w.endObject()
        return .json(200, w)
    }
}
