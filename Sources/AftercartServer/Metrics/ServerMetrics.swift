import Prometheus

/// The server's own series, registered on the registry `/metrics` serves:
/// webhooks by platform and outcome, and how long handling them took.
struct ServerMetrics: Sendable {
    let registry: PrometheusCollectorRegistry

    private static var webhooks: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "aftercart", metricName: "webhooks", unitName: "total",
            helpText: "Webhook deliveries received, by platform and outcome.")
    }
    private static var duration: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "aftercart", metricName: "webhook_duration", unitName: "seconds",
            helpText: "Time from a webhook's arrival to its answer, records committed.")
    }
    private static let buckets: [Duration] = [
        .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
        .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(5),
    ]

    /// Series for `registry`, with `platforms`' durations present from the
    /// start, so a scrape before the first webhook shows them.
    init(registry: PrometheusCollectorRegistry, platforms: [String]) {
        self.registry = registry
        for platform in platforms {
            _ = registry.makeDurationHistogram(
                descriptor: Self.duration, labels: [("platform", platform)], buckets: Self.buckets)
        }
    }

    /// Counts one delivery and records its duration.
    func record(platform: String, outcome: String, duration: Duration) {
        registry.makeCounter(descriptor: Self.webhooks, labels: [("platform", platform), ("outcome", outcome)])
            .increment()
        registry.makeDurationHistogram(
            descriptor: Self.duration, labels: [("platform", platform)], buckets: Self.buckets
        ).record(duration)
    }
}
