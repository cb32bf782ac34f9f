import AftercartDelivery
import Foundation
import Testing

/// `forget` is per store, while the file channel's folder is shared by every
/// store: only the forgetting store's messages to the address go.
@Suite struct FileOutboxErasureTests {
    func write(_ stem: String, to address: String, store: String?, in folder: URL) throws {
        try Data("To: Ann <\(address)>\r\nSubject: hi\r\n\r\nDear Ann\r\n".utf8)
            .write(to: folder.appendingPathComponent(stem + ".eml"))
        guard let store else { return }
        let entry = """
            {"file":"\(stem).eml","to":"\(address)","subject":"hi","date":"2026-12-01T00:00:00Z",\
            "store":"\(store)","campaign":"order-confirmation"}
            """
        try Data(entry.utf8).write(to: folder.appendingPathComponent(".index/\(stem).json"))
    }

    @Test func onlyTheForgettingStoresMessagesAndUnindexedOnesAreDeleted() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("erase-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent(".index"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try write("a-tokyo", to: "Ann@Example.com", store: "tokyo-woo", in: folder)
        try write("b-brooklyn", to: "ann@example.com", store: "brooklyn-shop", in: folder)
        try write("c-unindexed", to: "ann@example.com", store: nil, in: folder)
        try write("d-other", to: "bob@example.com", store: "tokyo-woo", in: folder)

        let deleted = try FileOutboxErasure.erase(address: "ann@example.com", store: "tokyo-woo", in: folder)

        #expect(deleted == 2)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".eml") }
        #expect(Set(left) == ["b-brooklyn.eml", "d-other.eml"])
        let entries = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(".index").path)
        #expect(Set(entries) == ["b-brooklyn.json", "d-other.json"])
    }
}
