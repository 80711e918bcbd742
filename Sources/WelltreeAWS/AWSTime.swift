import WelltreeCore

/// Timestamps as the AWS CLI prints them, to Welltree's form (`2026-11-27T11:05:36Z`).
enum AWSTime {
    /// The UTC time to the second of an ISO 8601 text with a `Z` or a `±HH:MM` offset and
    /// optional fractional seconds (CLI v2, or v1 with `cli_timestamp_format = iso8601`), or of
    /// a number of seconds since 1970 (CLI v1's default); nil for anything else. Fractional
    /// seconds are dropped.
    static func welltree(_ node: JSONNode) -> String? {
        switch node.value {
        case .number(let text):
            let whole = text.split(separator: ".", maxSplits: 1).first.map(String.init) ?? text
            guard !text.contains("e"), !text.contains("E"), let seconds = Int64(whole), seconds >= 0 else { return nil }
            return ISOTime.string(seconds)
        case .string(let text):
            return iso(text)
        default:
            return nil
        }
    }

    private static func iso(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20 else { return nil }
        // The date and time, then fractional seconds, then the zone.
        var index = 19
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            let start = index
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
            guard index > start else { return nil }
        }
        let base = String(decoding: bytes[0..<19], as: UTF8.self) + "Z"
        guard var seconds = ISOTime.seconds(base) else { return nil }
        let zone = Array(bytes[index...])
        if zone == [UInt8(ascii: "Z")] {
            return ISOTime.string(seconds)
        }
        guard zone.count == 6 || zone.count == 5, zone[0] == UInt8(ascii: "+") || zone[0] == UInt8(ascii: "-") else { return nil }
        let digits = zone.dropFirst().filter { $0 != UInt8(ascii: ":") }
        guard digits.count == 4, digits.allSatisfy({ (0x30...0x39).contains($0) }),
            zone.count == 5 || zone[3] == UInt8(ascii: ":")
        else { return nil }
        let d = digits.map { Int64($0 - 0x30) }
        let hours = d[0] * 10 + d[1]
        let minutes = d[2] * 10 + d[3]
        guard hours < 24, minutes < 60 else { return nil }
        let offset = hours * 3600 + minutes * 60
        seconds += zone[0] == UInt8(ascii: "+") ? -offset : offset
        return ISOTime.string(seconds)
    }
}
