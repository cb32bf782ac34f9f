import AftercartModel
import AftercartSync
import Logging
import ServiceLifecycle

/// The services of `aftercart run`, run as one swift-service-lifecycle
/// `ServiceGroup` that shuts down gracefully on SIGTERM or SIGINT.
///
/// The scheduler is the first service; the HTTP server (webhooks,
/// `/metrics`) is appended with ``adding(_:)`` when it is wired. When any
/// service ends, the group shuts down gracefully, so the daemon never runs
/// half of itself.
struct Daemon {
    /// Time the services get to finish after the signal before they are
    /// cancelled: a sync in flight commits its page well within it, and the
    /// process is gone within 10 s of SIGTERM.
    static let gracefulShutdownLimit: Duration = .seconds(8)

    private(set) var services: [ServiceGroupConfiguration.ServiceConfiguration] = []
    let logger: Logger

    init(scheduler: SchedulerService, logger: Logger) {
        self.logger = logger
        services = [.init(service: scheduler, successTerminationBehavior: .gracefullyShutdownGroup)]
    }

    /// This daemon with `service` running beside the scheduler.
    func adding(_ service: any Service) -> Daemon {
        var copy = self
        copy.services.append(.init(service: service, successTerminationBehavior: .gracefullyShutdownGroup))
        return copy
    }

    /// Runs every service until a signal or the first one ends.
    func run() async throws {
        var configuration = ServiceGroupConfiguration(
            services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        configuration.maximumGracefulShutdownDuration = Self.gracefulShutdownLimit
        configuration.maximumCancellationDuration = .seconds(1)
        try await ServiceGroup(configuration: configuration).run()
    }

    /// What runs for a store right after each of its syncs.
    ///
    /// The seam for plan → send (Engage, Delivery): return a step that
    /// plans the store's messages and delivers what is due. Until those are
    /// wired it does nothing.
    static func postSyncStep(logger: Logger) -> any PostSyncStep {
        NoPostSyncStep()
    }
}
