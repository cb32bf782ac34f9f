import AftercartModel
import AftercartStore
import Foundation

/// Reads outbox payloads; a payload that does not decode is bad input that
/// fails its row with a message naming the field, and the row keeps it.
enum Payloads {
    static func decode<T: Decodable>(_ type: T.Type, from entry: OutboxEntry) -> Result<T, PayloadError> {
        do {
            return .success(try ModelJSON.decoder().decode(type, from: Data(entry.payload.utf8)))
        } catch let error as DecodingError {
            return .failure(PayloadError(entry: entry, type: "\(type)", reason: describe(error)))
        } catch {
            return .failure(PayloadError(entry: entry, type: "\(type)", reason: "\(error)"))
        }
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return keys.isEmpty ? "the top level" : "'\(keys.joined(separator: "."))'"
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "'\(key.stringValue)' is missing at \(path(context))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(path(context)) has the wrong type: \(context.debugDescription)"
        case .dataCorrupted(let context):
            return "\(path(context)) is not valid: \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}

/// A payload that is not the JSON its action expects.
struct PayloadError: Error, CustomStringConvertible {
    var entry: OutboxEntry
    var type: String
    var reason: String

    var description: String {
        "the payload of \(entry.action.rawValue) row #\(entry.id) is not a valid \(type): \(reason); "
            + "the row is kept as it is, see 'aftercart export actions'"
    }
}

/// One-line descriptions for `send --dry-run`.
enum PayloadSummary {
    static func describe(_ entry: OutboxEntry) -> String {
        switch entry.action {
        case .createCoupon:
            return line(entry, CouponAction.self) {
                "coupon \($0.code) (\($0.kind.rawValue) \($0.amount)) for \($0.email)"
            }
        case .sendEmail:
            return line(entry, EmailAction.self) { "email to \($0.to): \($0.subject)" }
        case .addOrderNote:
            return line(entry, OrderNoteAction.self) { "note on order \($0.orderID): \($0.text)" }
        case .tagCustomer:
            return line(entry, CustomerTagAction.self) {
                "tags \($0.tags.joined(separator: ", ")) on customer \($0.customerID)"
            }
        case .supportAlert:
            return line(entry, SupportAlertAction.self) { "support alert: \($0.reason)" }
        case .withdrawConsent:
            return line(entry, ConsentWithdrawalAction.self) { "marketing consent withdrawn for \($0.email)" }
        }
    }

    private static func line<T: Decodable>(_ entry: OutboxEntry, _ type: T.Type, _ text: (T) -> String) -> String {
        switch Payloads.decode(type, from: entry) {
        case .success(let value): text(value)
        case .failure(let error): "unreadable payload: \(error.reason)"
        }
    }
}
