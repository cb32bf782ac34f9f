import Foundation
import Testing

extension CLIProcess {
    /// `aftercart status --json`'s line for `resource` (all stores' first), `[:]` when there is none.
    func resourceStatus(_ resource: String = "orders") async throws -> [String: Any] {
        let outcome = try await run(["status", "--json"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]
        return (object?["resources"] as? [[String: Any]])?.first { $0["resource"] as? String == resource } ?? [:]
    }
}
