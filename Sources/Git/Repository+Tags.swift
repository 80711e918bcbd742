import CLibGit2

/// An annotated tag object as stored, split into what was signed and the signature.
///
/// libgit2 has no notion of signed tags: `git_tag_message()` returns the message with the
/// signature glued on. Parsing the raw object ourselves gives the exact bytes a verifier needs
/// (everything before the last line starting `-----BEGIN `) and a clean message for display.
package struct TagObject: Sendable, Equatable {
    /// The tag object's id (what `refs/tags/<name>` points at).
    package var id: ObjectID
    /// The object the tag points at.
    package var target: ObjectID
    /// The target's type as written in the tag (`commit`).
    package var targetType: String
    /// The tag name from the object's `tag` header (without `refs/tags/`).
    package var name: String
    /// The `tagger` header verbatim (`Name <email> 1700000000 +0000`), if present.
    package var tagger: String?
    /// The message without any signature.
    package var message: String
    /// The armored signature block (`-----BEGIN ... -----END ...-----\n`), or nil when unsigned.
    package var signature: String?
    /// The bytes the signature covers: the whole object up to the signature.
    package var signedPayload: [UInt8]

    /// The tagger's time in seconds since 1970, read from the `tagger` header.
    package var taggerTime: Int64? {
        guard let tagger, let close = tagger.lastIndex(of: ">") else { return nil }
        let fields = tagger[tagger.index(after: close)...].split(separator: " ")
        return fields.first.flatMap { Int64($0) }
    }

    /// Parses the raw bytes of a tag object; nil when a required header is missing.
    package init?(id: ObjectID, raw: [UInt8]) {
        guard let blank = raw.indices.dropLast().first(where: { raw[$0] == 0x0A && raw[$0 + 1] == 0x0A }) else { return nil }
        let header = String(decoding: raw[..<blank], as: UTF8.self)
        let body = String(decoding: raw[(blank + 2)...], as: UTF8.self)
        var target: ObjectID?
        var type: String?
        var name: String?
        var tagger: String?
        for line in header.split(separator: "\n") {
            if line.hasPrefix("object ") { target = ObjectID(hex: String(line.dropFirst(7))) }
            else if line.hasPrefix("type ") { type = String(line.dropFirst(5)) }
            else if line.hasPrefix("tag ") { name = String(line.dropFirst(4)) }
            else if line.hasPrefix("tagger ") { tagger = String(line.dropFirst(7)) }
        }
        guard let target, let type, let name else { return nil }
        self.id = id
        self.target = target
        self.targetType = type
        self.name = name
        self.tagger = tagger
        if let begin = Self.signatureStart(in: body[...]) {
            message = String(body[..<begin])
            signature = String(body[begin...])
            signedPayload = Array(raw[..<(blank + 2)]) + Array(body[..<begin].utf8)
        } else {
            message = String(body)
            signature = nil
            signedPayload = raw
        }
    }

    /// The start of the last line beginning `-----BEGIN `, as git's `parse_signed_buffer` finds it.
    private static func signatureStart(in body: Substring) -> String.Index? {
        var found: String.Index?
        var lineStart = body.startIndex
        while lineStart < body.endIndex {
            if body[lineStart...].hasPrefix("-----BEGIN ") { found = lineStart }
            guard let newline = body[lineStart...].firstIndex(of: "\n") else { break }
            lineStart = body.index(after: newline)
        }
        return found
    }

    /// The bytes of an annotated tag object, ready to be signed or written: `object`, `type`,
    /// `tag` and `tagger` headers, a blank line and the message (ending in a newline), exactly
    /// as `git tag -a` lays it out.
    package static func payload(target: ObjectID, targetType: String = "commit", name: String, tagger: Signature, message: String) -> [UInt8] {
        let body = message.hasSuffix("\n") ? message : message + "\n"
        return Array("object \(target.hex)\ntype \(targetType)\ntag \(name)\ntagger \(tagger.raw)\n\n\(body)".utf8)
    }
}

extension Repository {
    /// Writes a tag object from its complete bytes (payload plus any signature, as built by
    /// `TagObject.payload`) and creates `refs/tags/<name>` for it, never overwriting: an existing
    /// tag of that name fails with `isExists` and nothing changes. libgit2 checks the target exists.
    package func createTag(bytes: [UInt8]) throws(GitError) -> ObjectID {
        var oid = git_oid()
        let text = String(decoding: bytes, as: UTF8.self)
        let code = git_tag_create_from_buffer(&oid, handle, text, 0)
        try check(code, "git_tag_create_from_buffer")
        return ObjectID(oid)
    }

    /// Reads and parses the tag object `id` from the object database.
    package func tagObject(_ id: ObjectID) throws(GitError) -> TagObject {
        var odb: OpaquePointer?
        try check(git_repository_odb(&odb, handle), "git_repository_odb")
        defer { git_odb_free(odb) }
        var oid = id.raw
        var object: OpaquePointer?
        try check(git_odb_read(&object, odb, &oid), "git_odb_read", subject: id.hex)
        defer { git_odb_object_free(object) }
        guard git_odb_object_type(object) == GIT_OBJECT_TAG else {
            throw GitError(code: GIT_EINVALIDSPEC.rawValue, function: "git_odb_read", subject: id.hex, message: "\(id.hex) is not a tag object")
        }
        let size = git_odb_object_size(object)
        let raw = git_odb_object_data(object).map { Array(UnsafeRawBufferPointer(start: $0, count: size)) } ?? []
        guard let tag = TagObject(id: id, raw: raw) else {
            throw GitError(code: GIT_EINVALID.rawValue, function: "git_odb_read", subject: id.hex, message: "malformed tag object \(id.hex)")
        }
        return tag
    }

    /// The commit an object (a tag, possibly nested, or a commit) finally points at.
    package func peelToCommit(_ id: ObjectID) throws(GitError) -> ObjectID {
        var oid = id.raw
        var object: OpaquePointer?
        try check(git_object_lookup(&object, handle, &oid, GIT_OBJECT_ANY), "git_object_lookup", subject: id.hex)
        defer { git_object_free(object) }
        var commit: OpaquePointer?
        try check(git_object_peel(&commit, object, GIT_OBJECT_COMMIT), "git_object_peel", subject: id.hex)
        defer { git_object_free(commit) }
        return ObjectID(git_object_id(commit))
    }

    /// Reads a path from the configuration, with `~/` expanded as git does for pathname values.
    package func configPath(_ key: String) throws(GitError) -> String? {
        var config: OpaquePointer?
        try check(git_repository_config_snapshot(&config, handle), "git_repository_config_snapshot")
        defer { git_config_free(config) }
        var buffer = git_buf()
        let code = git_config_get_path(&buffer, config, key)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try check(code, "git_config_get_path", subject: key)
        defer { git_buf_dispose(&buffer) }
        return buffer.ptr.map { String(cString: $0) }
    }
}

extension GitError {
    /// The object or reference already exists (a tag is never overwritten).
    package var isExists: Bool { code == GIT_EEXISTS.rawValue }
}
