public import AftercartModel
import Metrics

/// The sync engine's Prometheus series, all labelled by store (and resource
/// where it applies):
///
/// - `aftercart_sync_records_total{store,resource}`: records in committed pages
/// - `aftercart_sync_pages_total{store,resource}`: committed pages
/// - `aftercart_sync_duration_seconds{store,resource}`: one observation per resource run
/// - `aftercart_sync_errors_total{store,resource}`: resource runs that failed
/// - `aftercart_sync_lag_seconds{store}`: how old the store's synced view is,
///   i.e. seconds since the start of its last run in which every resource
///   completed (anything changed before that instant is in the database)
///
/// Handles come from the process's `MetricsSystem`; without a bootstrap
/// they are no-ops.
public enum SyncMetrics {
    static func committed(store: StoreID, resource: ResourceKind, records: Int) {
        let dimensions = [("store", store.rawValue), ("resource", resource.rawValue)]
        Counter(label: "aftercart_sync_records_total", dimensions: dimensions).increment(by: records)
        Counter(label: "aftercart_sync_pages_total", dimensions: dimensions).increment()
    }

    static func finished(store: StoreID, resource: ResourceKind, seconds: Double, failed: Bool) {
        let dimensions = [("store", store.rawValue), ("resource", resource.rawValue)]
        Timer(label: "aftercart_sync_duration_seconds", dimensions: dimensions)
            .recordNanoseconds(Int64(max(0, seconds) * 1e9))
        if failed {
            Counter(label: "aftercart_sync_errors_total", dimensions: dimensions).increment()
        }
    }

    /// Sets the store's lag gauge; the scheduler refreshes it between runs.
    public static func lag(store: StoreID, seconds: Double) {
        Gauge(label: "aftercart_sync_lag_seconds", dimensions: [("store", store.rawValue)]).record(max(0, seconds))
    }
}
