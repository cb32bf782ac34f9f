import Foundation

/// A value axis from zero to a round maximum, with round ticks between:
/// the largest value decides the maximum, so bars are drawn in proportion
/// to their values and the tallest nearly fills the chart.
struct ChartScale {
    /// The value at the top of the axis (never zero).
    let maximum: Double
    /// The values the axis labels, from zero up to ``maximum``.
    let ticks: [Double]

    /// An axis for values up to `largest` with about `tickCount` steps;
    /// `wholeSteps` keeps steps at whole numbers (counts).
    init(largest: Double, tickCount: Int = 4, wholeSteps: Bool = false) {
        guard largest > 0, largest.isFinite else {
            maximum = 1
            ticks = [0, 1]
            return
        }
        let rough = largest / Double(tickCount)
        let magnitude = pow(10, floor(log10(rough)))
        // Counts step by whole numbers: 2.5 would put ticks between them.
        let factors = wholeSteps ? [1, 2, 5, 10] : [1, 2, 2.5, 5, 10]
        var step = factors.map { $0 * magnitude }.first { $0 >= rough } ?? 10 * magnitude
        if wholeSteps { step = max(1, step.rounded(.up)) }
        let top = (largest / step).rounded(.up) * step
        maximum = top
        ticks = (0...Int((top / step).rounded())).map { Double($0) * step }
    }

    /// How long a bar of `value` is on an axis `span` long.
    func length(of value: Double, span: Double) -> Double {
        max(0, value) / maximum * span
    }
}

/// Coordinates as SVG takes them: a dot for the decimal point whatever the
/// locale, one decimal place.
enum SVGNumber {
    static func text(_ value: Double) -> String {
        String(format: "%.1f", locale: Locale(identifier: "en_US_POSIX"), value)
    }
}

/// The colours of the campaigns' bars, told apart also in greyscale; a
/// campaign keeps its colour in every chart of the page.
enum ChartPalette {
    static let colors = ["#0f766e", "#c2410c", "#4338ca", "#a16207", "#be185d", "#15803d", "#0369a1", "#57534e"]

    static func color(_ index: Int) -> String { colors[index % colors.count] }
}
