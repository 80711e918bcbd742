import Testing

@testable import WelltreeCore

/// The member-by-member merge behind the `merge=welltree` driver.
@Suite("DocumentMerge")
struct DocumentMergeTests {
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func differentMembersMerge() {
        let base = Self.bytes(#"{"notes": "a", "selectedChoices": ["x"], "updatedAt": "2026-01-01T00:00:00Z"}"#)
        let ours = Self.bytes(#"{"notes": "b", "selectedChoices": ["x"], "updatedAt": "2026-01-02T00:00:00Z"}"#)
        let theirs = Self.bytes(#"{"notes": "a", "selectedChoices": ["x", "y"], "updatedAt": "2026-01-03T00:00:00Z"}"#)
        guard case .merged(let merged) = DocumentMerge.merge(base: base, ours: ours, theirs: theirs) else {
            Issue.record("expected a clean merge")
            return
        }
        #expect(String(decoding: merged, as: UTF8.self) == """
            {
              "notes": "b",
              "selectedChoices": [
                "x",
                "y"
              ],
              "updatedAt": "2026-01-03T00:00:00Z"
            }

            """)
    }

    @Test func theSameMemberChangedBothWaysConflicts() {
        let base = Self.bytes(#"{"selectedChoices": ["x"]}"#)
        let ours = Self.bytes(#"{"selectedChoices": ["y"], "notes": "n"}"#)
        let theirs = Self.bytes(#"{"selectedChoices": ["z"]}"#)
        guard case .conflict(let keys, let oursText, let theirsText) = DocumentMerge.merge(base: base, ours: ours, theirs: theirs) else {
            Issue.record("expected a conflict")
            return
        }
        #expect(keys == ["selectedChoices"])
        #expect(String(decoding: oursText, as: UTF8.self).contains("\"notes\": \"n\""))
        #expect(String(decoding: theirsText, as: UTF8.self).contains("\"notes\": \"n\""))
        #expect(String(decoding: theirsText, as: UTF8.self).contains("\"z\""))
    }

    @Test func addedOnBothSidesWithAnEmptyBase() {
        let same = Self.bytes(#"{"selectedChoices": ["x"]}"#)
        guard case .merged = DocumentMerge.merge(base: [], ours: same, theirs: same) else {
            Issue.record("identical additions merge")
            return
        }
        if case .unmergeable = DocumentMerge.merge(base: [], ours: Self.bytes("[1]"), theirs: same) {} else {
            Issue.record("an array is not mergeable")
        }
    }
}
