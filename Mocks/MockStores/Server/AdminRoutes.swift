import Foundation

/// `/__mock/*`: test controls, never counted, never faulted.
///
/// - `POST /__mock/advance?orders=N&seconds=S` (or a JSON body with the same keys)
/// - `GET /__mock/stats`
/// - `POST /__mock/reset`
/// - `GET /__mock/info`
/// - `POST /__mock/webhooks/deliver?id=N` (WebhookSubscriptionDelivery, async)
enum AdminRoutes {
    static func handle(_ req: MockRequest, core: ServerCore, info: () -> [(String, String)]) -> MockResponse {
        switch (req.method, req.path) {
        case ("POST", "/__mock/advance"):
            let body = req.json
            let orders = req.param("orders").flatMap(Int.init) ?? body?["orders"]?.int ?? 0
            let seconds = req.param("seconds").flatMap(Int64.init) ?? body?["seconds"]?.int64 ?? 0
            guard orders >= 0, seconds >= 0, orders > 0 || seconds > 0 else {
                return .jsonText(400, #"{"error":"pass orders=N and/or seconds=S (non-negative, not both zero)"}"#)
            }
            let outcome = core.advance(orders: orders, seconds: seconds)
            var w = JSONWriter(style: .plain, capacity: 256 + outcome.changedOrders.count * 16)
            w.beginObject()
            w.field("previous_clock", CivilTime(epochSeconds: outcome.previousClock).isoLocal + "Z")
            w.field("clock", CivilTime(epochSeconds: outcome.clock).isoLocal + "Z")
            w.key("changed_order_ids")
            w.beginArray()
            for i in outcome.changedOrders { w.int(core.platformOrderID(i)) }
            w.endArray()
            w.endObject()
            return .json(200, w)
        case ("GET", "/__mock/stats"):
            let s = core.recorder.snapshot()
            var w = JSONWriter(style: .plain, capacity: 512)
            w.beginObject()
            w.field("total", s.total)
            w.field("faults_injected", s.faultsInjected)
            w.key("paths")
            w.beginObject()
            for path in s.byPath.keys.sorted() {
                w.key(path)
                w.beginObject()
                for (status, n) in s.byPath[path]!.sorted(by: { $0.key < $1.key }) {
                    w.key(String(status))
                    w.int(n)
                }
                w.endObject()
            }
            w.endObject()
            w.field("clock", CivilTime(epochSeconds: core.state.snapshot().now).isoLocal + "Z")
            w.endObject()
            return .json(200, w)
        case ("POST", "/__mock/reset"):
            core.reset()
            return .jsonText(200, #"{"reset":true}"#)
        case ("GET", "/__mock/info"):
            var w = JSONWriter(style: .plain, capacity: 512)
            w.beginObject()
            for (k, v) in info() {
                w.key(k)
                w.string(v)
            }
            w.endObject()
            return .json(200, w)
        default:
            return .jsonText(404, #"{"error":"unknown mock control route"}"#)
        }
    }
}
