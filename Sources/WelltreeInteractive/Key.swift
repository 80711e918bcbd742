/// One key press, decoded from the bytes a terminal sends in raw mode.
package enum Key: Sendable, Equatable {
    case character(Character)
    case up, down, left, right, pageUp, pageDown, home, end, delete
    case enter, backspace, escape, tab
    /// Ctrl and a letter, other than the ones with names above (Ctrl-I is tab, Ctrl-M enter).
    case control(Character)
}

/// Turns terminal input into keys: UTF-8 text, control bytes and the usual VT100/xterm escape
/// sequences (CSI and SS3 cursor keys, `CSI n ~` editing keys).
///
/// A read can end inside a UTF-8 sequence; the incomplete tail is kept for the next read. A
/// sequence starting with ESC is taken to arrive in one read (terminals write them whole), so a
/// read holding only ESC is the Escape key.
package struct KeyDecoder: Sendable {
    private var pending: [UInt8] = []

    package init() {}

    package mutating func decode(_ input: [UInt8]) -> [Key] {
        let bytes = pending + input
        pending = []
        var keys: [Key] = []
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            switch byte {
            case 0x1b:
                let (key, length) = Self.escape(bytes, at: i)
                keys.append(key)
                i += length
                continue
            case 0x0d, 0x0a: keys.append(.enter)
            case 0x7f, 0x08: keys.append(.backspace)
            case 0x09: keys.append(.tab)
            case 0x01...0x1a: keys.append(.control(Character(Unicode.Scalar(byte + 0x60))))
            case 0x00, 0x1c...0x1f: break
            case 0x20...0x7e: keys.append(.character(Character(Unicode.Scalar(byte))))
            default:
                let length = Self.utf8Length(byte)
                guard length > 1 else { break }
                guard i + length <= bytes.count else {
                    pending = Array(bytes[i...])
                    return keys
                }
                let text = String(decoding: bytes[i..<(i + length)], as: UTF8.self)
                if let character = text.first, character != "\u{FFFD}" { keys.append(.character(character)) }
                i += length
                continue
            }
            i += 1
        }
        return keys
    }

    private static func utf8Length(_ lead: UInt8) -> Int {
        switch lead {
        case 0xc2...0xdf: 2
        case 0xe0...0xef: 3
        case 0xf0...0xf4: 4
        default: 1
        }
    }

    /// The key an escape sequence at `start` stands for, and how many bytes it takes.
    private static func escape(_ bytes: [UInt8], at start: Int) -> (Key, Int) {
        guard start + 1 < bytes.count else { return (.escape, 1) }
        let introducer = bytes[start + 1]
        if introducer == UInt8(ascii: "O"), start + 2 < bytes.count {
            return (cursorKey(bytes[start + 2]) ?? .escape, 3)
        }
        guard introducer == UInt8(ascii: "[") else { return (.escape, 1) }
        var end = start + 2
        while end < bytes.count, !(0x40...0x7e).contains(bytes[end]) { end += 1 }
        guard end < bytes.count else { return (.escape, bytes.count - start) }
        let final = bytes[end]
        let length = end - start + 1
        if final == UInt8(ascii: "~") {
            let parameter = String(decoding: bytes[(start + 2)..<end], as: UTF8.self).split(separator: ";").first ?? ""
            let key: Key? =
                switch parameter {
                case "1", "7": .home
                case "4", "8": .end
                case "3": .delete
                case "5": .pageUp
                case "6": .pageDown
                default: nil
                }
            return (key ?? .escape, length)
        }
        return (cursorKey(final) ?? .escape, length)
    }

    private static func cursorKey(_ final: UInt8) -> Key? {
        switch final {
        case UInt8(ascii: "A"): .up
        case UInt8(ascii: "B"): .down
        case UInt8(ascii: "C"): .right
        case UInt8(ascii: "D"): .left
        case UInt8(ascii: "H"): .home
        case UInt8(ascii: "F"): .end
        default: nil
        }
    }
}
