import AftercartOutcomes
import Foundation

/// The reviews that followed a campaign's requests by rating, one bar per
/// star count from 1 to 5: every rating, never filtered.
struct RatingChart {
    /// Reviews with 1…5 stars, index 0 is one star.
    let counts: [Int]

    init(_ reviews: ReviewOutcome) {
        counts = (1...5).map { stars in reviews.ratings.first { $0.reason == "\(stars)" }?.count ?? 0 }
    }

    var isEmpty: Bool { counts.allSatisfy { $0 == 0 } }

    private static let width = 420.0
    private static let height = 220.0
    private static let left = 40.0
    private static let top = 12.0
    private static let bottom = 30.0

    func svg(_ format: DashboardFormat, campaign: String) -> String {
        let scale = ChartScale(largest: Double(counts.max() ?? 0), wholeSteps: true)
        let plotWidth = Self.width - Self.left - 8
        let plotHeight = Self.height - Self.top - Self.bottom
        let baseline = Self.top + plotHeight
        let slot = plotWidth / 5
        var bars: [[String: Any]] = []
        var labels: [[String: Any]] = []
        for (index, count) in counts.enumerated() {
            let stars = format.text("stars", ["stars": "\(index + 1)"])
            let x = Self.left + Double(index) * slot
            labels.append(["x": SVGNumber.text(x + slot / 2), "y": SVGNumber.text(baseline + 20), "text": stars])
            guard count > 0 else { continue }
            let length = scale.length(of: Double(count), span: plotHeight)
            bars.append([
                "x": SVGNumber.text(x + slot * 0.15), "y": SVGNumber.text(baseline - length),
                "width": SVGNumber.text(slot * 0.7), "height": SVGNumber.text(length),
                "color": ChartPalette.color(index == 0 || index == 1 ? 1 : 0), "value": "\(count)",
                "label": "\(stars): \(format.count(count))",
            ])
        }
        let ticks = scale.ticks.map { tick in
            [
                "y": SVGNumber.text(baseline - scale.length(of: tick, span: plotHeight)),
                "text": format.count(Int(tick)), "x": SVGNumber.text(Self.left - 6),
            ]
        }
        return BarChartSVG.render([
            "kind": "ratings", "width": SVGNumber.text(Self.width), "height": SVGNumber.text(Self.height),
            "left": SVGNumber.text(Self.left), "right": SVGNumber.text(Self.width - 8),
            "baseline": SVGNumber.text(baseline), "title": format.text("ratings_chart", ["campaign": campaign]),
            "bars": bars, "ticks": ticks, "labels": labels,
        ])
    }
}
