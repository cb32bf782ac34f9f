import AftercartStore
import Metrics

/// The executor's counters (the process bootstraps the backend).
enum DeliveryMetrics {
    /// `aftercart_actions_total{action, result}`: every row handled.
    static func action(_ action: OutboxAction, _ outcome: DeliveryReport.Outcome) {
        Counter(
            label: "aftercart_actions_total", dimensions: [("action", action.rawValue), ("result", outcome.rawValue)]
        )
        .increment()
    }

    /// `aftercart_messages_total{channel, result}`: every delivery attempt of a message.
    static func message(channel: String, result: String) {
        Counter(label: "aftercart_messages_total", dimensions: [("channel", channel), ("result", result)]).increment()
    }
}
