import AftercartOutcomes
import Foundation
import Mustache

/// Repeat purchases by month of first order (rows) and months since
/// (columns): each cell shaded by the share of the row's customers who
/// ordered again that month, the share written in the cell. Shades are
/// relative to the table's largest share, so a store whose best month
/// brings 8% back still sees which months did best.
struct CohortHeatMap {
    let cohorts: [CohortRow]

    var isEmpty: Bool { cohorts.allSatisfy { $0.customers == 0 } }

    private static let labelWidth = 96.0
    private static let cellWidth = 56.0
    private static let cellHeight = 30.0
    private static let header = 26.0

    /// Parsed once: a fixed text, so a failure is a bug every test would show.
    private static let template = try! MustacheTemplate(
        string: """
            <svg class="heatmap" width="{{width}}" height="{{height}}" viewBox="0 0 {{width}} {{height}}" role="img" aria-label="{{title}}" xmlns="http://www.w3.org/2000/svg"><title>{{title}}</title>
            {{#columns}}<text class="label" x="{{x}}" y="16" text-anchor="middle">{{text}}</text>
            {{/columns}}{{#rows}}<text class="label" x="0" y="{{text_y}}" dominant-baseline="middle">{{month}}</text>
            {{#cells}}<rect class="cell" x="{{x}}" y="{{y}}" width="{{cell_width}}" height="{{cell_height}}" fill="{{fill}}" data-share="{{share}}"><title>{{label}}</title></rect><text class="cell-text {{ink}}" x="{{text_x}}" y="{{text_y}}" text-anchor="middle" dominant-baseline="middle">{{text}}</text>
            {{/cells}}{{/rows}}</svg>
            """)

    func svg(_ format: DashboardFormat) -> String {
        let columns = cohorts.map(\.returning.count).max() ?? 0
        let shares = cohorts.map { row in
            row.returning.map { row.customers > 0 ? Double($0) / Double(row.customers) : 0 }
        }
        let largest = shares.flatMap { $0 }.max() ?? 0
        let rows: [[String: Any]] = cohorts.enumerated().map { rowIndex, row in
            let y = Self.header + Double(rowIndex) * Self.cellHeight
            let cells: [[String: Any]] = row.returning.enumerated().map { column, returning in
                let share = shares[rowIndex][column]
                let intensity = largest > 0 ? share / largest : 0
                let x = Self.labelWidth + Double(column) * Self.cellWidth
                let text = format.share(returning, of: row.customers)
                return [
                    "x": SVGNumber.text(x + 1), "y": SVGNumber.text(y + 1),
                    "cell_width": SVGNumber.text(Self.cellWidth - 2),
                    "cell_height": SVGNumber.text(Self.cellHeight - 2),
                    "fill": Self.shade(intensity), "ink": intensity > 0.55 ? "light" : "dark",
                    "share": SVGNumber.text(share * 100), "text": text,
                    "text_x": SVGNumber.text(x + Self.cellWidth / 2), "text_y": SVGNumber.text(y + Self.cellHeight / 2),
                    "label":
                        "\(format.month(row.month)) \(format.text("month_offset", ["months": "\(column)"])): "
                        + "\(format.count(returning)) / \(format.count(row.customers)) (\(text))",
                ]
            }
            return [
                "month": format.month(row.month), "text_y": SVGNumber.text(y + Self.cellHeight / 2), "cells": cells,
            ]
        }
        let headers = (0..<columns).map { column in
            [
                "x": SVGNumber.text(Self.labelWidth + (Double(column) + 0.5) * Self.cellWidth),
                "text": format.text("month_offset", ["months": "\(column)"]),
            ]
        }
        return Self.template.render([
            "width": SVGNumber.text(Self.labelWidth + Double(max(columns, 1)) * Self.cellWidth + 2),
            "height": SVGNumber.text(Self.header + Double(cohorts.count) * Self.cellHeight + 2),
            "title": format.text("cohort_chart"), "columns": headers, "rows": rows,
        ])
    }

    /// From the page's background (nothing came back) to teal (the most that did).
    static func shade(_ intensity: Double) -> String {
        let low = (245.0, 245.0, 244.0)
        let high = (15.0, 118.0, 110.0)
        let t = min(1, max(0, intensity))
        func channel(_ a: Double, _ b: Double) -> Int { Int((a + (b - a) * t).rounded()) }
        return String(
            format: "#%02x%02x%02x", channel(low.0, high.0), channel(low.1, high.1), channel(low.2, high.2))
    }
}
