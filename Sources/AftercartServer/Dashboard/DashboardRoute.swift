import AftercartOutcomes
import HTTPTypes
import Hummingbird
import NIOCore

/// `GET /dashboard`: the merchant's outcomes, behind the admin credentials.
/// Without an endpoint (no credentials configured) it is not there at all:
/// the same bare 404 as any unknown path.
extension ServerRoutes {
    func dashboardPage(_ request: Request) async -> Response {
        guard let endpoint = dashboard else { return Response(status: .notFound) }
        let visitorLocale = UnsubscribePage.locale(acceptLanguage: request.headers[.acceptLanguage])
        guard endpoint.access.admits(authorization: request.headers[.authorization]) else {
            // The header is never logged: a wrong guess may be one character off the secret.
            logger.info("dashboard refused: credentials missing or wrong")
            var headers = Self.dashboardHeaders
            headers[.wwwAuthenticate] = endpoint.access.challenge
            return Self.page(.unauthorized, headers: headers, DashboardNotice.html("sign_in", locale: visitorLocale))
        }
        let query: DashboardQuery
        switch DashboardQuery.parse(Self.query(request), stores: endpoint.stores) {
        case .success(let parsed):
            query = parsed
        case .failure(.unknownStore):
            return Self.page(.notFound, DashboardNotice.html("not_found", locale: visitorLocale, linkBack: true))
        case .failure(.badDate(let store)):
            return Self.page(.badRequest, DashboardNotice.html("bad_date", locale: store.locale, linkBack: true))
        }
        let report: OutcomeReport
        do {
            report = try await endpoint.report(query.store.id, query.from, query.to)
        } catch {
            logger.error(
                "dashboard report not computed", metadata: ["store": "\(query.store.id)", "error": "\(error)"])
            return Self.page(.internalServerError, DashboardNotice.html("failed", locale: query.store.locale))
        }
        return Self.page(.ok, DashboardPage.html(report, locale: query.store.locale, stores: endpoint.stores))
    }

    private static func page(
        _ status: HTTPResponse.Status, headers: HTTPFields = ServerRoutes.dashboardHeaders, _ html: String
    ) -> Response {
        Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    /// The order page's headers for private pages (never cached, indexed or
    /// sent as a referrer), with a policy that loads nothing at all from
    /// elsewhere and runs no script; the period form submits to itself.
    static let dashboardHeaders: HTTPFields = {
        var headers = ServerRoutes.personalPageHeaders
        headers[HTTPField.Name("Content-Security-Policy")!] =
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        return headers
    }()
}
