public import AftercartStore
public import Foundation
import Hummingbird
public import Logging
public import Prometheus
public import ServiceLifecycle

/// The HTTP server of `aftercart serve` and `aftercart run`: webhook
/// receiver, `/healthz` and `/metrics`, as a swift-service-lifecycle
/// ``Service`` (put it in the daemon's `ServiceGroup`; it stops on the
/// group's graceful shutdown after answering the requests in flight and
/// finishing the queued follow-ups).
///
/// ```swift
/// let server = AftercartServer(
///     settings: AftercartServer.Settings(host: "127.0.0.1", port: 8080),
///     stores: WebhookStoreDirectory(endpoints), persistence: persistence,
///     metrics: registry, followUp: planAndSend, logger: logger)
/// try await ServiceGroup(services: [server], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger).run()
/// ```
public struct AftercartServer: Service {
    /// Where the server listens and what it accepts.
    public struct Settings: Sendable {
        /// Interface (default `127.0.0.1`).
        public var host: String
        /// Port; 0 picks a free one (see `onRunning`).
        public var port: Int
        /// The largest webhook body accepted; larger ones get 413 (default 1 MiB).
        public var maximumBodySize: Int
        /// How long applied delivery ids are remembered for deduplication (default 7 days).
        public var deliveryRetention: TimeInterval
        /// The platforms whose webhook series `/metrics` shows before their
        /// first delivery (the registered ones; default none).
        public var platforms: [String]
        /// Where a platform's data request is answered with the customer's
        /// export document (one JSON file per request); `nil` only logs it.
        public var dataRequestFolder: URL?

        /// Creates settings.
        public init(
            host: String = "127.0.0.1", port: Int = 8080, maximumBodySize: Int = 1 << 20,
            deliveryRetention: TimeInterval = 7 * 86_400, platforms: [String] = [], dataRequestFolder: URL? = nil
        ) {
            self.host = host
            self.port = port
            self.maximumBodySize = maximumBodySize
            self.deliveryRetention = deliveryRetention
            self.platforms = platforms
            self.dataRequestFolder = dataRequestFolder
        }
    }

    private let application: Application<RouterResponder<BasicRequestContext>>

    /// A server over `persistence` for the stores in `stores`.
    ///
    /// - Parameters:
    ///   - settings: host, port, body limit, dedupe retention.
    ///   - stores: the stores webhooks are taken for (may grow while running).
    ///   - persistence: records, checkpoints (for `/healthz`) and the webhook inbox.
    ///   - metrics: the registry `/metrics` serves; the server adds its own series to it.
    ///   - followUp: plan → send for changed subjects; `nil` stores records only.
    ///   - unsubscribe: the one-click way out of marketing mail; `nil` answers its links 404.
    ///   - orderPages: orders' status pages (`/o/{token}`); `nil` answers their links 404.
    ///   - installs: merchants' installs of platform apps (`/{platform}/install/{store}`,
    ///     `/{platform}/callback`); `nil` answers them 404.
    ///   - tracking: tracking services' status webhooks (`/tracking/{service}/{store}`); `nil` answers them 404.
    ///   - dashboard: the merchant's outcomes (`/dashboard`, behind admin credentials); `nil` answers it 404.
    ///   - logger: request and webhook logs (store names, never bodies or secrets).
    ///   - now: the clock stamped on deliveries.
    ///   - onRunning: called with the bound port once the server accepts connections.
    public init(
        settings: Settings, stores: WebhookStoreDirectory, persistence: any Persistence & WebhookInbox,
        metrics: PrometheusCollectorRegistry = PrometheusCollectorRegistry(), followUp: (any WebhookFollowUp)? = nil,
        unsubscribe: UnsubscribeEndpoint? = nil, orderPages: OrderPageEndpoint? = nil,
        installs: AppInstallEndpoint? = nil, tracking: TrackingWebhookEndpoint? = nil,
        dashboard: DashboardEndpoint? = nil, logger: Logger,
        now: @escaping @Sendable () -> Date = { Date() },
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) {
        let followUps = FollowUpQueue(
            followUp: followUp, inbox: persistence, retention: settings.deliveryRetention, now: now, logger: logger)
        let receiver = WebhookReceiver(
            inbox: persistence, followUps: followUps, logger: logger, now: now,
            dataRequestFolder: settings.dataRequestFolder)
        let routes = ServerRoutes(
            directory: stores, receiver: receiver, persistence: persistence,
            metrics: ServerMetrics(registry: metrics, platforms: settings.platforms),
            maximumBodySize: settings.maximumBodySize, logger: logger, unsubscribe: unsubscribe,
            orderPages: orderPages, installs: installs, tracking: tracking, dashboard: dashboard)
        var application = Application(
            router: routes.router(),
            configuration: ApplicationConfiguration(
                address: .hostname(settings.host, port: settings.port), serverName: nil),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? settings.port) },
            logger: logger)
        application.addServices(followUps)
        self.application = application
    }

    /// Serves until the task is cancelled or the service group shuts down gracefully.
    public func run() async throws {
        try await application.run()
    }
}
