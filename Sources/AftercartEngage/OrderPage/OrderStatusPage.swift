import AftercartConfig
import Mustache

/// One order's status page as a customer opens it from an email: the shop's
/// logo and colour, where the order is, its parcels and carrier links, what
/// it cost, what to buy next and whom to ask. Server-rendered HTML5: every
/// word from the locale's `[order_page]` and `[order_stage]` tables, every
/// value escaped by Mustache, inline CSS, no script, nothing loaded from
/// elsewhere but the shop's own logo; readable on a phone.
public enum OrderStatusPage {
    /// Parsed once: a fixed text, so a failure is a bug every test would show.
    private static let template = try! MustacheTemplate(
        string: """
            <!doctype html>
            <html lang="{{lang}}"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex"><meta name="referrer" content="no-referrer">
            <title>{{title}} – {{shop}}</title>
            <style>
            :root{--accent:{{accent}}}
            body{margin:0;padding:0 .75rem;background:#f5f5f4;color:#1c1917;font:16px/1.7 system-ui,-apple-system,"Hiragino Sans","Noto Sans CJK JP",sans-serif}
            main{max-width:36rem;margin:1.5rem auto;padding:1.25rem 1.5rem;background:#fff;border-radius:12px;box-shadow:0 1px 3px rgba(0,0,0,.08);border-top:4px solid var(--accent)}
            header{display:flex;align-items:center;gap:.75rem;padding-bottom:.75rem;border-bottom:1px solid #e7e5e4}
            .logo{max-height:48px;max-width:60%}
            .shop{font-weight:700;font-size:1.125rem}
            h1{font-size:1.25rem;margin:1rem 0 .25rem}
            h2{font-size:1rem;margin:1.5rem 0 .5rem;color:#44403c}
            .meta,.as-of{color:#57534e;font-size:.875rem;margin:0}
            .notice{margin:1rem 0;padding:.75rem 1rem;border-radius:8px;background:#fef3c7;color:#78350f;font-weight:600}
            ol.timeline{list-style:none;margin:0;padding:0}
            .stage{position:relative;padding:0 0 .75rem 1.75rem;color:#a8a29e}
            .stage::before{content:"";position:absolute;left:.25rem;top:.45rem;width:.75rem;height:.75rem;border-radius:50%;border:2px solid #d6d3d1;background:#fff;box-sizing:border-box}
            .stage:not(:last-child)::after{content:"";position:absolute;left:.6rem;top:1.3rem;bottom:.1rem;width:2px;background:#e7e5e4}
            .stage.reached{color:#1c1917}
            .stage.reached::before{background:var(--accent);border-color:var(--accent)}
            .stage.reached:not(:last-child)::after{background:var(--accent)}
            .stage[aria-current] .name{color:var(--accent);font-weight:700}
            .stage time{display:block;font-size:.8125rem;color:#57534e}
            .window{font-weight:600}
            .parcel{margin:.5rem 0;padding:.75rem 1rem;border:1px solid #e7e5e4;border-radius:8px}
            .parcel dt{font-size:.8125rem;color:#57534e}
            .parcel dd{margin:0 0 .25rem}
            .number{font-family:ui-monospace,monospace;word-break:break-all}
            a{color:var(--accent)}
            table{width:100%;border-collapse:collapse}
            td{padding:.375rem 0;border-bottom:1px solid #f5f5f4;vertical-align:top}
            td:last-child{text-align:right;white-space:nowrap;padding-left:1rem}
            tr.total td{font-weight:700;border-bottom:0}
            .note{font-weight:400;font-size:.8125rem}
            ul.products{list-style:none;margin:0;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(9rem,1fr));gap:.5rem}
            ul.products li{padding:.75rem;border:1px solid #e7e5e4;border-radius:8px}
            ul.products span{display:block;color:#57534e}
            footer{margin-top:1.5rem;padding-top:.5rem;border-top:1px solid #e7e5e4}
            </style></head>
            <body><main>
            <header>{{#logo}}<img class="logo" src="{{logo}}" alt="">{{/logo}}<span class="shop">{{shop}}</span></header>
            <h1>{{title}}</h1>
            <p class="meta">{{order_number}}<br>{{ordered_on}}</p>
            {{#notices}}<p class="notice" role="status">{{text}}</p>
            {{/notices}}
            <section><h2>{{timeline_heading}}</h2>
            <ol class="timeline">
            {{#steps}}<li class="stage{{#reached}} reached{{/reached}}" data-stage="{{stage}}"{{#current}} aria-current="step"{{/current}}><span class="name">{{name}}</span>{{#time}}<time datetime="{{iso}}">{{time}}</time>{{/time}}</li>
            {{/steps}}
            </ol>
            {{#window}}<p class="window">{{window}}</p>{{/window}}
            <p class="as-of">{{as_of}}</p>
            </section>
            {{#has_shipments}}<section><h2>{{shipments_heading}}</h2>
            {{#shipments}}<dl class="parcel">{{#carrier}}<dt>{{carrier_label}}</dt><dd>{{carrier}}</dd>{{/carrier}}
            <dt>{{tracking_label}}</dt><dd class="number">{{number}}</dd>
            {{#url}}<dd class="track"><a href="{{url}}" rel="noreferrer">{{track}}</a></dd>{{/url}}</dl>
            {{/shipments}}</section>{{/has_shipments}}
            <section><h2>{{items_heading}}</h2>
            <table>
            {{#items}}<tr><td>{{label}}</td><td>{{amount}}</td></tr>
            {{/items}}
            <tr><td>{{subtotal_label}}</td><td>{{subtotal}}</td></tr>
            {{#discount}}<tr><td>{{discount_label}}</td><td>−{{discount}}</td></tr>{{/discount}}
            <tr><td>{{shipping_label}}</td><td>{{shipping}}</td></tr>
            {{#tax}}<tr><td>{{tax_label}}</td><td>{{tax}}</td></tr>{{/tax}}
            <tr class="total"><td>{{total_label}}</td><td>{{total}}{{#total_note}}<span class="note">{{total_note}}</span>{{/total_note}}{{#tax_included}}<br><span class="note">{{tax_included}}</span>{{/tax_included}}</td></tr>
            </table></section>
            {{#has_recommendations}}<section><h2>{{recommendations_heading}}</h2>
            <ul class="products">
            {{#recommendations}}<li><a href="{{url}}">{{name}}</a><span>{{price}}</span></li>
            {{/recommendations}}
            </ul></section>{{/has_recommendations}}
            {{#has_support}}<footer><h2>{{support_heading}}</h2>
            {{#support_url}}<p><a href="{{support_url}}">{{support_link}}</a></p>{{/support_url}}
            {{#contact}}<p>{{contact}}</p>{{/contact}}
            </footer>{{/has_support}}
            </main></body></html>

            """)

    /// The page for `content`, in the shop's locale.
    public static func html(_ content: OrderPageContent) -> String {
        template.render(OrderPageValues(content).values())
    }
}
