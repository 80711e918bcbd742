/// A three-way merge of two edits of one workspace file, member by member: the merge git's
/// `merge=welltree` driver performs.
///
/// Workspace files are JSON objects of independent facts (a workload's properties, an answer's
/// selections, not-applicable marks and notes). A member changed on one side only takes that
/// side; changed the same way on both sides it is taken once; changed differently on both sides
/// it is a conflict, named by its key. `updatedAt` never conflicts: the later time wins, since
/// both sides always touch it. The merged file is canonical JSON.
package enum DocumentMerge {
    /// What merging produced.
    package enum Outcome: Sendable, Equatable {
        /// The merged document, canonical bytes.
        case merged([UInt8])
        /// Members changed differently on both sides (sorted keys), with the two documents to
        /// show: ours and theirs, each with the non-conflicting changes of the other applied.
        case conflict(keys: [String], ours: [UInt8], theirs: [UInt8])
        /// A side is not a JSON object: nothing can be merged member by member.
        case unmergeable(reason: String)
    }

    /// Merges `ours` and `theirs`, both edited from `base` (empty bytes: the file did not exist).
    package static func merge(base: [UInt8], ours: [UInt8], theirs: [UInt8]) -> Outcome {
        let sides: [(String, [UInt8])] = [("base", base), ("ours", ours), ("theirs", theirs)]
        var objects: [[String: JSONValue]] = []
        for (name, bytes) in sides {
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
                objects.append([:])
                continue
            }
            guard let node = try? JSONParser.parse(bytes), let members = node.objectValue else {
                return .unmergeable(reason: "the \(name) version is not a JSON object")
            }
            objects.append(Dictionary(members.map { ($0.key, $0.node.value) }, uniquingKeysWith: { a, _ in a }))
        }
        let (b, o, t) = (objects[0], objects[1], objects[2])
        var merged: [String: JSONValue] = [:]
        var oursView: [String: JSONValue] = [:]
        var theirsView: [String: JSONValue] = [:]
        var conflicts: [String] = []
        for key in Set(b.keys).union(o.keys).union(t.keys).sorted() {
            let (bv, ov, tv) = (b[key].map(text), o[key].map(text), t[key].map(text))
            let chosen: JSONValue?
            if ov == tv {
                chosen = o[key]
            } else if ov == bv {
                chosen = t[key]
            } else if tv == bv {
                chosen = o[key]
            } else if key == "updatedAt", let ours = o[key], let theirs = t[key] {
                chosen = (ov ?? "") >= (tv ?? "") ? ours : theirs
            } else {
                conflicts.append(key)
                oursView[key] = o[key]
                theirsView[key] = t[key]
                continue
            }
            merged[key] = chosen
        }
        if conflicts.isEmpty { return .merged(serialize(merged)) }
        return .conflict(keys: conflicts, ours: serialize(merged.merging(oursView) { a, _ in a }),
                         theirs: serialize(merged.merging(theirsView) { a, _ in a }))
    }

    /// Git-style conflict markers of `size` around the two versions of a conflicted file.
    package static func conflictText(ours: [UInt8], theirs: [UInt8], size: Int, oursLabel: String, theirsLabel: String) -> [UInt8] {
        let width = max(size, 7)
        var out = Array((String(repeating: "<", count: width) + " " + oursLabel + "\n").utf8)
        out += ours
        out += Array((String(repeating: "=", count: width) + "\n").utf8)
        out += theirs
        out += Array((String(repeating: ">", count: width) + " " + theirsLabel + "\n").utf8)
        return out
    }

    private static func text(_ value: JSONValue) -> String { CanonicalJSON.string(value) }

    private static func serialize(_ members: [String: JSONValue]) -> [UInt8] {
        CanonicalJSON.serialize(.object(members.sorted { $0.key < $1.key }.map { JSONMember(key: $0.key, node: JSONNode($0.value)) }))
    }
}
