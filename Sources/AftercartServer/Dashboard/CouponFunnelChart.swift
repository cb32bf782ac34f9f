import AftercartOutcomes
import Foundation
import Mustache

/// A campaign's coupons as a funnel: created, then redeemed, as horizontal
/// bars on one scale, so the redeemed bar's length is the redemption rate.
struct CouponFunnelChart {
    let coupons: CouponOutcome

    var isEmpty: Bool { coupons.created == 0 }

    private static let width = 480.0
    private static let labelWidth = 120.0
    private static let row = 40.0

    /// Parsed once: a fixed text, so a failure is a bug every test would show.
    private static let template = try! MustacheTemplate(
        string: """
            <svg class="chart funnel" viewBox="0 0 {{width}} {{height}}" role="img" aria-label="{{title}}" xmlns="http://www.w3.org/2000/svg"><title>{{title}}</title>
            {{#steps}}<text class="label" x="0" y="{{text_y}}" dominant-baseline="middle">{{name}}</text><rect class="bar" x="{{x}}" y="{{y}}" height="26" width="{{length}}" fill="{{color}}" data-value="{{value}}"><title>{{name}}: {{count}}</title></rect><text class="value" x="{{value_x}}" y="{{text_y}}" dominant-baseline="middle">{{count}}</text>
            {{/steps}}</svg>
            """)

    func svg(_ format: DashboardFormat, campaign: String) -> String {
        let span = Self.width - Self.labelWidth - 110
        let steps: [(String, Int, String)] = [
            (format.text("coupons_created"), coupons.created, ChartPalette.color(0)),
            (format.text("coupons_redeemed"), coupons.redeemed, ChartPalette.color(1)),
        ]
        let rows: [[String: Any]] = steps.enumerated().map { index, step in
            // Against the created count, so the second bar's length is the rate.
            let length = min(1, Double(step.1) / Double(max(coupons.created, 1))) * span
            let y = 8 + Double(index) * Self.row
            let count =
                index == 0
                ? format.count(step.1)
                : "\(format.count(step.1)) (\(format.share(step.1, of: coupons.created)))"
            return [
                "name": step.0, "value": "\(step.1)", "count": count, "color": step.2,
                "x": SVGNumber.text(Self.labelWidth), "y": SVGNumber.text(y), "length": SVGNumber.text(length),
                "text_y": SVGNumber.text(y + 13), "value_x": SVGNumber.text(Self.labelWidth + length + 8),
            ]
        }
        return Self.template.render([
            "width": SVGNumber.text(Self.width), "height": SVGNumber.text(16 + 2 * Self.row),
            "title": format.text(
                "coupons_chart",
                [
                    "campaign": campaign, "created": format.count(coupons.created),
                    "redeemed": format.count(coupons.redeemed),
                ]),
            "steps": rows,
        ])
    }
}
