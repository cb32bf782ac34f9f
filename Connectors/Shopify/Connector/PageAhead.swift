import AftercartConnector

/// A page request already on its way while the page before it is mapped
/// and committed. Whoever drops it without awaiting it (a walk that failed
/// or stopped) cancels the request.
final class PageAhead: Sendable {
    private let task: Task<TransportResponse, any Error>

    init(_ request: @escaping @Sendable () async throws -> TransportResponse) {
        task = Task { try await request() }
    }

    deinit { task.cancel() }

    /// The response, or the request's error.
    func response() async throws -> TransportResponse {
        let task = self.task
        return try await withTaskCancellationHandler {
            try await task.value
        } onCancel: {
            task.cancel()
        }
    }
}
