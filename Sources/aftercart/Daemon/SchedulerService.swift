import AftercartSync
import ServiceLifecycle

/// The sync scheduler as a service of `aftercart run`: on graceful shutdown
/// (SIGTERM, SIGINT) it stops scheduling, and the syncs in flight commit
/// the page they are on and end.
struct SchedulerService: Service {
    let scheduler: SyncScheduler

    func run() async throws {
        let stop = SyncStopSignal()
        await withGracefulShutdownHandler {
            await scheduler.run(stop: stop)
        } onGracefulShutdown: {
            Task { await stop.stop() }
        }
    }
}
