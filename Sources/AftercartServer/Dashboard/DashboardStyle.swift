/// The dashboard's inline CSS: one column on a phone, cards on a laptop;
/// charts scale to the width they get, wide tables scroll sideways.
enum DashboardStyle {
    static let css = """
        body{margin:0;padding:0 .75rem;background:#f5f5f4;color:#1c1917;font:15px/1.6 system-ui,-apple-system,"Hiragino Sans","Noto Sans CJK JP",sans-serif}
        main{max-width:64rem;margin:1rem auto 2rem}
        header,section{background:#fff;border-radius:12px;box-shadow:0 1px 3px rgba(0,0,0,.08);padding:1rem 1.25rem;margin:0 0 1rem}
        .shop{margin:0;font-weight:700;color:#57534e}
        h1{font-size:1.375rem;margin:.25rem 0 .5rem}
        h2{font-size:1.125rem;margin:0 0 .75rem}
        h3{font-size:1rem;margin:1rem 0 .5rem}
        .stores{list-style:none;margin:0 0 .75rem;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}
        .stores a,.stores strong{display:inline-block;padding:.25rem .75rem;border-radius:999px;border:1px solid #d6d3d1;color:#1c1917;text-decoration:none}
        .stores strong{background:#1c1917;color:#fff;border-color:#1c1917}
        .period{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end}
        .period label{display:flex;flex-direction:column;font-size:.8125rem;color:#57534e}
        input,button{font:inherit;padding:.375rem .5rem;border:1px solid #d6d3d1;border-radius:8px}
        button{background:#1c1917;color:#fff;border-color:#1c1917;font-weight:600;cursor:pointer}
        .meta,.note{color:#57534e;font-size:.8125rem;margin:.5rem 0 0}
        .empty{color:#57534e;font-style:italic;margin:.5rem 0}
        .basis{font-size:.6875rem;font-weight:600;color:#92400e;background:#fef3c7;border-radius:4px;padding:.05rem .375rem;white-space:nowrap}
        .basis.exact{color:#065f46;background:#d1fae5}
        .scroll{overflow-x:auto}
        table{border-collapse:collapse;width:100%;font-size:.875rem}
        th,td{padding:.375rem .5rem;border-bottom:1px solid #e7e5e4;text-align:right;white-space:nowrap}
        th:first-child{text-align:left}
        thead th{font-size:.75rem;color:#57534e;font-weight:600;vertical-align:bottom}
        table.compact{width:auto}
        .swatch{display:inline-block;width:.75rem;height:.75rem;border-radius:2px;margin-right:.375rem;vertical-align:-1px}
        figure{margin:0 0 1rem}
        svg.chart{display:block;width:100%;height:auto;max-width:100%}
        svg.heatmap{display:block;max-width:100%;height:auto}
        svg.funnel{max-width:32rem}
        svg.revenue{min-width:34rem}
        svg.ratings{max-width:28rem}
        svg text{font-size:12px;fill:#44403c}
        svg .grid{stroke:#e7e5e4}
        svg .axis{stroke:#a8a29e}
        svg .cell-text{font-size:11px}
        svg .cell-text.light{fill:#fff}
        .legend{list-style:none;margin:.5rem 0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem;font-size:.8125rem}
        details summary{cursor:pointer;color:#57534e;font-size:.8125rem}
        .figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(10rem,1fr));gap:.5rem;margin:.5rem 0}
        .figures div{border:1px solid #e7e5e4;border-radius:8px;padding:.5rem .75rem}
        .figures dt{font-size:.75rem;color:#57534e}
        .figures dd{margin:0;font-size:1.125rem;font-weight:700}
        article{border-top:1px solid #e7e5e4;padding-top:.25rem}
        article:first-of-type{border-top:0}
        """
}
