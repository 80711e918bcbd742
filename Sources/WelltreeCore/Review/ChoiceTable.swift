/// The choice ids of one question as UTF-8 bytes, so an id read from a file can be turned into
/// the choice's index without creating a `String` for it.
package struct ChoiceTable: Sendable {
    /// Every id's bytes, one after the other.
    private let bytes: [UInt8]
    /// `bounds[i]..<bounds[i + 1]` are the bytes of choice `i`.
    private let bounds: [Int]

    package init(_ ids: [String]) {
        var bytes: [UInt8] = []
        var bounds = [0]
        for id in ids {
            bytes.append(contentsOf: id.utf8)
            bounds.append(bytes.count)
        }
        self.bytes = bytes
        self.bounds = bounds
    }

    /// How many choices.
    package var count: Int { bounds.count - 1 }

    /// The index of the first choice whose id is exactly `id`, or nil.
    package func index(of id: UnsafeRawBufferPointer) -> Int? {
        bytes.withUnsafeBytes { table in
            for i in 0..<(bounds.count - 1) {
                let start = bounds[i]
                let count = bounds[i + 1] - start
                guard count == id.count else { continue }
                var equal = true
                for offset in 0..<count where table[start + offset] != id[offset] {
                    equal = false
                    break
                }
                if equal { return i }
            }
            return nil
        }
    }
}
