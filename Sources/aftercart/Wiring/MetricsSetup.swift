import Foundation
import Metrics
import Prometheus

/// The process's one Prometheus registry behind swift-metrics.
///
/// Every library target records through swift-metrics (`Counter`, `Gauge`,
/// `Timer`); ``bootstrap()`` points them at ``registry`` once per process,
/// and whatever exposes them (the HTTP server's `/metrics`, `sync
/// --metrics-file`) renders ``registry`` with ``text()``.
enum MetricsSetup {
    /// The registry every series lands in.
    static let registry = PrometheusCollectorRegistry()

    private static let bootstrapped: Bool = {
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return true
    }()

    /// Bootstraps swift-metrics with ``registry``; later calls do nothing
    /// (swift-metrics allows one bootstrap per process).
    static func bootstrap() {
        _ = bootstrapped
    }

    /// The Prometheus text exposition of every series so far.
    static func text() -> String {
        registry.emitToString()
    }

    /// Writes ``text()`` to `path` atomically (write then rename), as
    /// node_exporter's textfile collector expects.
    static func write(to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text().utf8).write(to: url, options: .atomic)
    }
}
