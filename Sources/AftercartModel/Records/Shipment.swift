/// One tracking number on an order.
public struct Shipment: Sendable, Hashable, Codable {
    /// The carrier's name as the store reports it (`"Yamato"`, `"USPS"`).
    public var carrier: String?
    /// The tracking number.
    public var number: String
    /// A tracking page, when the store provides one.
    public var url: String?

    public init(carrier: String?, number: String, url: String?) {
        self.carrier = carrier
        self.number = number
        self.url = url
    }

    private enum CodingKeys: String, CodingKey { case carrier, number, url }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(carrier, forKey: .carrier)
        try container.encode(number, forKey: .number)
        try container.encode(url, forKey: .url)
    }
}
