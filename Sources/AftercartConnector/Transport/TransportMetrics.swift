import Metrics

/// The transport's Prometheus series, labelled by store:
/// `aftercart_http_requests_total{store,status}` (status `failed` when no
/// answer came), `aftercart_http_retries_total{store}` and
/// `aftercart_http_rate_limited_total{store}` (429 answers).
///
/// Handles come from whatever `MetricsSystem` the process bootstrapped; a
/// process that bootstrapped none pays for no-op handlers only.
struct TransportMetrics: Sendable {
    let store: String

    init(store: String?) {
        self.store = store ?? "unknown"
    }

    func answered(status: Int) {
        Counter(label: "aftercart_http_requests_total", dimensions: [("store", store), ("status", String(status))])
            .increment()
        if status == 429 {
            Counter(label: "aftercart_http_rate_limited_total", dimensions: [("store", store)]).increment()
        }
    }

    func failedWithoutAnswer() {
        Counter(label: "aftercart_http_requests_total", dimensions: [("store", store), ("status", "failed")])
            .increment()
    }

    func retrying() {
        Counter(label: "aftercart_http_retries_total", dimensions: [("store", store)]).increment()
    }
}
