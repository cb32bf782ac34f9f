import AftercartModel
import AftercartOutcomes
import Foundation
import Mustache

/// Attributed revenue per campaign per week in one currency, as grouped
/// bars: one group per week, one bar per campaign in the campaign's colour.
/// A store that takes two currencies gets one chart per currency: a yen
/// is not a dollar, so their bars never share an axis.
struct WeeklyRevenueChart {
    /// One campaign's bars.
    struct Series {
        var name: String
        var color: String
        /// Revenue per week, in the order of ``weeks``.
        var values: [Decimal]
    }

    let currency: Currency
    /// Mondays, `yyyy-MM-dd`, oldest first.
    let weeks: [String]
    let series: [Series]

    /// One chart per currency any campaign earned in, in currency order;
    /// none when nothing was attributed.
    static func charts(_ campaigns: [CampaignOutcome]) -> [WeeklyRevenueChart] {
        let weeks = Set(campaigns.flatMap { $0.weekly.map(\.weekStart) }).sorted()
        let currencies = Set(campaigns.flatMap { $0.weekly.flatMap { $0.revenue.amounts.map(\.currency) } })
        return currencies.sorted { $0.code < $1.code }.compactMap { currency in
            let series = campaigns.enumerated().map { index, campaign in
                Series(
                    name: campaign.campaign, color: ChartPalette.color(index),
                    values: weeks.map { week in
                        campaign.weekly.first { $0.weekStart == week }?.revenue.amount(in: currency).amount ?? 0
                    })
            }
            guard series.contains(where: { $0.values.contains { $0 > 0 } }) else { return nil }
            return WeeklyRevenueChart(currency: currency, weeks: weeks, series: series)
        }
    }

    private static let width = 720.0
    private static let height = 300.0
    private static let left = 92.0
    private static let right = 8.0
    private static let top = 12.0
    private static let bottom = 32.0
    /// At most this many week labels, so they never overlap.
    private static let labelCount = 10

    /// The chart as inline SVG, every label in `format`'s locale.
    func svg(_ format: DashboardFormat) -> String {
        let largest = series.flatMap(\.values).max() ?? 0
        let scale = ChartScale(largest: NSDecimalNumber(decimal: largest).doubleValue)
        let plotWidth = Self.width - Self.left - Self.right
        let plotHeight = Self.height - Self.top - Self.bottom
        let baseline = Self.top + plotHeight
        let groupWidth = plotWidth / Double(max(weeks.count, 1))
        let barWidth = groupWidth * 0.8 / Double(max(series.count, 1))
        var bars: [[String: Any]] = []
        for (weekIndex, week) in weeks.enumerated() {
            for (seriesIndex, line) in series.enumerated() where line.values[weekIndex] > 0 {
                let value = line.values[weekIndex]
                let length = scale.length(of: NSDecimalNumber(decimal: value).doubleValue, span: plotHeight)
                let x = Self.left + Double(weekIndex) * groupWidth + groupWidth * 0.1 + Double(seriesIndex) * barWidth
                bars.append([
                    "x": SVGNumber.text(x), "y": SVGNumber.text(baseline - length), "width": SVGNumber.text(barWidth),
                    "height": SVGNumber.text(length), "color": line.color, "value": "\(value)",
                    "label": "\(line.name), \(format.week(week)): \(format.money(Money(value, currency)))",
                ])
            }
        }
        let every = max(1, Int((Double(weeks.count) / Double(Self.labelCount)).rounded(.up)))
        let labels = weeks.enumerated().filter { $0.offset % every == 0 }.map { index, week in
            [
                "x": SVGNumber.text(Self.left + (Double(index) + 0.5) * groupWidth),
                "y": SVGNumber.text(baseline + 20), "text": format.week(week),
            ]
        }
        let ticks = scale.ticks.map { tick in
            let y = SVGNumber.text(baseline - scale.length(of: tick, span: plotHeight))
            return [
                "y": y, "text": format.money(Money(Decimal(tick), currency)), "x": SVGNumber.text(Self.left - 6),
            ]
        }
        return BarChartSVG.render([
            "kind": "revenue", "width": SVGNumber.text(Self.width), "height": SVGNumber.text(Self.height),
            "left": SVGNumber.text(Self.left), "right": SVGNumber.text(Self.width - Self.right),
            "baseline": SVGNumber.text(baseline), "title": format.text("revenue_chart", ["currency": currency.code]),
            "bars": bars, "ticks": ticks, "labels": labels,
        ])
    }

    /// The chart's numbers as rows: a week, then each campaign's amount.
    func rows(_ format: DashboardFormat) -> [[String: Any]] {
        weeks.enumerated().map { index, week in
            [
                "week": format.week(week),
                "cells": series.map { format.money(Money($0.values[index], currency)) },
            ]
        }
    }
}

/// The SVG of a vertical bar chart: grid lines with their values, bars
/// each with its own `<title>`, labels under the axis; Mustache escapes
/// every text, campaign names included.
enum BarChartSVG {
    /// Parsed once: a fixed text, so a failure is a bug every test would show.
    private static let template = try! MustacheTemplate(
        string: """
            <svg class="chart {{kind}}" viewBox="0 0 {{width}} {{height}}" role="img" aria-label="{{title}}" xmlns="http://www.w3.org/2000/svg"><title>{{title}}</title>
            {{#ticks}}<line class="grid" x1="{{left}}" x2="{{right}}" y1="{{y}}" y2="{{y}}"/><text class="tick" x="{{x}}" y="{{y}}" text-anchor="end" dominant-baseline="middle">{{text}}</text>
            {{/ticks}}{{#bars}}<rect class="bar" x="{{x}}" y="{{y}}" width="{{width}}" height="{{height}}" fill="{{color}}" data-value="{{value}}"><title>{{label}}</title></rect>
            {{/bars}}<line class="axis" x1="{{left}}" x2="{{right}}" y1="{{baseline}}" y2="{{baseline}}"/>
            {{#labels}}<text class="label" x="{{x}}" y="{{y}}" text-anchor="middle">{{text}}</text>
            {{/labels}}</svg>
            """)

    static func render(_ values: [String: Any]) -> String { template.render(values) }
}
