public import AftercartOutcomes
import Mustache

/// The dashboard a merchant opens at `/dashboard`: one store's report as
/// figures, tables and inline SVG charts. Pure: a report and a locale in,
/// HTML out. Every word from the locale's `[dashboard]` table, every value
/// escaped by Mustache (campaign and shop names come from the store),
/// inline CSS, no script, nothing loaded from elsewhere; readable on a
/// laptop and on a phone.
public enum DashboardPage {
    /// Parsed once: a fixed text, so a failure is a bug every test would show.
    private static let template = try! MustacheTemplate(
        string: """
            <!doctype html>
            <html lang="{{lang}}"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex"><meta name="referrer" content="no-referrer">
            <title>{{title}} – {{shop}}</title>
            <style>\(DashboardStyle.css)</style></head>
            <body><main>
            <header><p class="shop">{{shop}}</p><h1>{{heading}}</h1>
            {{#has_other_stores}}<nav aria-label="{{stores_label}}"><ul class="stores">{{#stores}}<li>{{#current}}<strong aria-current="page">{{name}}</strong>{{/current}}{{^current}}<a href="{{href}}">{{name}}</a>{{/current}}</li>{{/stores}}</ul></nav>{{/has_other_stores}}
            <form class="period" method="get" action="/dashboard"><input type="hidden" name="store" value="{{store}}">
            <label>{{from_label}} <input type="date" name="from" value="{{from}}" required></label>
            <label>{{to_label}} <input type="date" name="to" value="{{to}}" required></label>
            <button type="submit">{{show}}</button></form>
            <p class="meta">{{period}}<br>{{generated}}</p>
            </header>
            <section id="campaigns"><h2>{{campaigns_heading}}</h2>
            {{#has_campaigns}}<div class="scroll"><table>
            <thead><tr><th scope="col">{{campaign_label}}</th><th scope="col">{{messages_sent}}</th><th scope="col">{{recipients}}</th><th scope="col">{{attributed_orders}} <span class="basis">{{basis_window}}</span></th><th scope="col">{{attributed_revenue}} <span class="basis">{{basis_window}}</span></th><th scope="col">{{unsubscribes}}</th><th scope="col">{{suppressed}}</th></tr></thead>
            <tbody>{{#campaigns}}<tr><th scope="row"><span class="swatch" style="background:{{color}}"></span>{{name}}</th><td>{{sent}}</td><td>{{recipients}}</td><td>{{orders}}</td><td>{{revenue}}</td><td>{{unsubscribes}}</td><td>{{suppressed}}</td></tr>
            {{/campaigns}}</tbody></table></div>
            <p class="note">{{window_note}}</p>{{/has_campaigns}}
            {{^has_campaigns}}<p class="empty">{{no_campaigns}}</p>{{/has_campaigns}}
            </section>
            <section id="revenue"><h2>{{revenue_heading}} <span class="basis">{{basis_window}}</span></h2>
            {{#revenue_charts}}<figure><div class="scroll">{{{svg}}}</div>
            <ul class="legend">{{#legend}}<li><span class="swatch" style="background:{{color}}"></span>{{name}}</li>{{/legend}}</ul>
            <details><summary>{{numbers}} ({{currency}})</summary><div class="scroll"><table><thead><tr><th scope="col">{{week_label}}</th>{{#legend}}<th scope="col">{{name}}</th>{{/legend}}</tr></thead>
            <tbody>{{#rows}}<tr><th scope="row">{{week}}</th>{{#cells}}<td>{{.}}</td>{{/cells}}</tr>
            {{/rows}}</tbody></table></div></details></figure>
            {{/revenue_charts}}{{^revenue_charts}}<p class="empty">{{revenue_empty}}</p>{{/revenue_charts}}
            </section>
            {{#has_coupons}}<section id="coupons"><h2>{{coupons_heading}} <span class="basis exact">{{basis_exact}}</span></h2>
            {{#coupons}}<article><h3>{{name}}</h3>{{#empty}}<p class="empty">{{empty}}</p>{{/empty}}{{{svg}}}
            <dl class="figures"><div><dt>{{created_label}}</dt><dd>{{created}}</dd></div><div><dt>{{redeemed_label}}</dt><dd>{{redeemed}}</dd></div><div><dt>{{orders_label}}</dt><dd>{{orders}}</dd></div><div><dt>{{revenue_label}}</dt><dd>{{revenue}}</dd></div></dl></article>
            {{/coupons}}<p class="note">{{exact_note}}</p></section>{{/has_coupons}}
            {{#has_reviews}}<section id="reviews"><h2>{{reviews_heading}} <span class="basis">{{basis_window}}</span></h2>
            {{#reviews}}<article><h3>{{name}}</h3>
            <dl class="figures"><div><dt>{{requests_label}}</dt><dd>{{requests}}</dd></div><div><dt>{{posted_label}}</dt><dd>{{posted}}</dd></div></dl>
            {{#empty}}<p class="empty">{{empty}}</p>{{/empty}}{{{svg}}}
            <div class="scroll"><table class="compact"><thead><tr><th scope="col">{{rating_label}}</th>{{#ratings}}<th scope="col">{{stars}}</th>{{/ratings}}</tr></thead>
            <tbody><tr><th scope="row">{{reviews_label}}</th>{{#ratings}}<td>{{count}}</td>{{/ratings}}</tr></tbody></table></div></article>
            {{/reviews}}<p class="note">{{all_ratings_note}}</p></section>{{/has_reviews}}
            <section id="suppressions"><h2>{{suppressions_heading}}</h2>
            {{#suppressions}}<div class="scroll"><table class="compact"><thead><tr><th scope="col">{{reason_label}}</th><th scope="col">{{count_label}}</th></tr></thead>
            <tbody>{{#rows}}<tr><th scope="row">{{reason}}</th><td>{{count}}</td></tr>
            {{/rows}}</tbody></table></div>{{/suppressions}}
            {{^suppressions}}<p class="empty">{{suppressions_empty}}</p>{{/suppressions}}
            </section>
            <section id="customers"><h2>{{customers_heading}}</h2>
            <dl class="figures">{{#customer_figures}}<div><dt>{{label}}</dt><dd>{{value}}</dd></div>{{/customer_figures}}</dl>
            <h3>{{cohorts_heading}}</h3>
            {{#cohorts}}<figure class="scroll">{{{svg}}}</figure>
            <details><summary>{{numbers}}</summary><div class="scroll"><table class="compact"><thead><tr><th scope="col">{{month_label}}</th><th scope="col">{{customers_label}}</th>{{#offsets}}<th scope="col">{{.}}</th>{{/offsets}}</tr></thead>
            <tbody>{{#rows}}<tr><th scope="row">{{month}}</th><td>{{customers}}</td>{{#cells}}<td>{{.}}</td>{{/cells}}</tr>
            {{/rows}}</tbody></table></div></details>{{/cohorts}}
            {{^cohorts}}<p class="empty">{{cohorts_empty}}</p>{{/cohorts}}
            </section>
            </main></body></html>

            """)

    /// The page of `report`, written in `locale` (the store's, `ja-JP` or
    /// `en-US`), with links to every store in `stores`.
    public static func html(_ report: OutcomeReport, locale: String, stores: [DashboardStore] = []) -> String {
        template.render(DashboardValues(report: report, locale: locale, stores: stores).values)
    }
}
