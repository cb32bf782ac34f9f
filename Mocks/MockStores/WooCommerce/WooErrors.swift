/// WordPress REST error bodies: `{"code","message","data":{"status"}}`.
enum WooError {
    static func response(_ status: Int, _ code: String, _ message: String, params: [(String, String, String)] = [])
        -> MockResponse
    {
        var w = JSONWriter(style: .php, capacity: 256)
        w.beginObject()
        w.field("code", code)
        w.field("message", message)
        w.key("data")
        w.beginObject()
        w.field("status", status)
        if !params.isEmpty {
            w.key("params")
            w.beginObject()
            for (name, text, _) in params {
                w.key(name)
                w.string(text)
            }
            w.endObject()
            w.key("details")
            w.beginObject()
            for (name, text, detailCode) in params {
                w.key(name)
                w.beginObject()
                w.field("code", detailCode)
                w.field("message", text)
                w.fieldNull("data")
                w.endObject()
            }
            w.endObject()
        }
        w.endObject()
        w.endObject()
        return .json(status, w)
    }

    /// WordPress's argument validation failure: `rest_invalid_param` naming each parameter,
    /// with the specific reason (`rest_out_of_bounds`, `rest_invalid_date`, ...) in `details`.
    static func invalidParam(_ name: String, _ text: String, detailCode: String) -> MockResponse {
        response(400, "rest_invalid_param", "Invalid parameter(s): \(name)", params: [(name, text, detailCode)])
    }

    static func noRoute() -> MockResponse {
        response(404, "rest_no_route", "No route was found matching the URL and request method.")
    }

    static func cannot(method: String, single: Bool) -> MockResponse {
        switch method {
        case "POST":
            return response(401, "woocommerce_rest_cannot_create", "Sorry, you are not allowed to create resources.")
        case "PUT", "PATCH":
            return response(401, "woocommerce_rest_cannot_edit", "Sorry, you are not allowed to edit this resource.")
        case "DELETE":
            return response(
                401, "woocommerce_rest_cannot_delete", "Sorry, you are not allowed to delete this resource.")
        default:
            return single
                ? response(401, "woocommerce_rest_cannot_view", "Sorry, you cannot view this resource.")
                : response(401, "woocommerce_rest_cannot_view", "Sorry, you cannot list resources.")
        }
    }
}
