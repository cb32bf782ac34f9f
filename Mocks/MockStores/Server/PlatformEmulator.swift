import NIOConcurrencyHelpers
import NIOCore

/// What the server needs from a platform emulator.
protocol PlatformEmulator: Sendable {
    func handle(_ req: MockRequest) async -> MockResponse
    /// The platform's own body for an injected error status.
    func faultResponse(status: Int) -> MockResponse
    /// The platform's whole-site page for a `critical`, `maintenance` or
    /// `html200` fault, as it answers `request` (JSON where the platform
    /// answers JSON to a JSON request).
    func pageFault(_ page: MockFaultPlan.Page, request: MockRequest) -> MockResponse
    func clearCaches()
    /// Webhook payloads: the resource exactly as `GET` returns it.
    func renderOrderPayload(_ i: Int) -> ByteBuffer
    func renderCustomerPayload(_ c: Int) -> ByteBuffer
    func renderCouponPayload(_ k: Int) -> ByteBuffer
}

/// A data change, reported to the webhook dispatcher.
struct MockChange: Sendable {
    enum Kind: String, Sendable { case order, customer, coupon }
    enum Event: String, Sendable { case created, updated, deleted }
    let kind: Kind
    let index: Int
    let event: Event
    /// The body to deliver instead of the resource (WooCommerce's
    /// `deleted` deliveries are only `{"id":N}`).
    var payload: ByteBuffer?

    init(kind: Kind, index: Int, event: Event, payload: ByteBuffer? = nil) {
        self.kind = kind
        self.index = index
        self.event = event
        self.payload = payload
    }
}

/// Fan-out point for changes; empty unless webhooks are configured.
final class ChangeFeed: Sendable {
    private let sink = NIOLockedValueBox<(@Sendable (MockChange) -> Void)?>(nil)

    func connect(_ handler: @escaping @Sendable (MockChange) -> Void) { sink.withLockedValue { $0 = handler } }

    func record(_ change: MockChange) {
        let handler = sink.withLockedValue { $0 }
        handler?(change)
    }
}
