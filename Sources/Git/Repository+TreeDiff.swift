import CLibGit2

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One path whose content differs between two trees: a file (or, in `TreeComparison`, a
/// directory) added, removed or modified.
package struct TreeDelta: Sendable, Equatable {
    /// Slash-separated path from the root of the compared trees.
    package var path: String
    /// The object on the old side (a blob, or a tree for a directory), nil when the path was added.
    package var old: ObjectID?
    /// The object on the new side, nil when the path was removed.
    package var new: ObjectID?
    /// What the new side is (a regular file, a symlink, a submodule...), when there is one.
    package var newKind: EntryKind?
    /// The last step of the path exactly as the tree entry names it: a crafted tree can hold a
    /// name with a `/` in it, which `path` alone would hide.
    package var name: String

    package init(path: String, old: ObjectID?, new: ObjectID?, newKind: EntryKind? = nil, name: String? = nil) {
        self.path = path
        self.old = old
        self.new = new
        self.newKind = newKind
        self.name = name ?? String(path.split(separator: "/", omittingEmptySubsequences: false).last ?? "")
    }
}

/// What differs between two trees: the files, and the directories the walk entered on the way
/// to them (with their tree ids on each side), so callers can read a changed directory without
/// looking its path up again from the root.
package struct TreeComparison: Sendable, Equatable {
    /// Files added, removed or modified, in path order.
    package var files: [TreeDelta] = []
    /// Directories whose tree id differs, parents before children.
    package var directories: [TreeDelta] = []

    package init(files: [TreeDelta] = [], directories: [TreeDelta] = []) {
        self.files = files
        self.directories = directories
    }
}

extension Repository {
    /// The files that differ between two trees (nil for an empty side), in path order.
    package func changedFiles(from old: ObjectID?, to new: ObjectID?, under prefix: String = "") throws(GitError) -> [TreeDelta] {
        try compareTrees(from: old, to: new, under: prefix).files
    }

    /// The files and directories that differ between two trees (nil for an empty side).
    ///
    /// A recursive walk that never enters a subtree whose id is the same on both sides: an
    /// unchanged directory costs one id comparison however many files it holds, so comparing
    /// two states of a large repository costs in proportion to what changed (plus the listing
    /// of the directories on the way down). `git_diff_tree_to_tree` would instead load every
    /// entry of every directory it visits. `prefix` restricts the walk to one subdirectory.
    package func compareTrees(from old: ObjectID?, to new: ObjectID?, under prefix: String = "") throws(GitError) -> TreeComparison {
        var oldRoot = old
        var newRoot = new
        if !prefix.isEmpty {
            oldRoot = try old.flatMap { tree throws(GitError) in try subtree(prefix, of: tree) }
            newRoot = try new.flatMap { tree throws(GitError) in try subtree(prefix, of: tree) }
        }
        var result = TreeComparison()
        try walk(old: oldRoot, new: newRoot, path: prefix, into: &result)
        return result
    }

    private func subtree(_ path: String, of tree: ObjectID) throws(GitError) -> ObjectID? {
        guard let entry = try entry(at: path, inTree: tree), entry.kind == .tree else { return nil }
        return entry.id
    }

    private func walk(old: ObjectID?, new: ObjectID?, path: String, into result: inout TreeComparison) throws(GitError) {
        if old == new { return }
        // The raw tree objects are compared in place: both entry lists are in git's order, so
        // one merge pass pairs them up, and entries whose bytes are the same (name, mode and
        // id) are skipped without parsing them into anything. A directory of 10,000 workloads
        // with one changed costs a pass over two buffers, not two parsed trees.
        try withRawTree(old) { (oldBytes) throws(GitError) in
            try withRawTree(new) { (newBytes) throws(GitError) in
                var before = RawTreeCursor(oldBytes)
                var after = RawTreeCursor(newBytes)
                while true {
                    RawTreeCursor.skipCommonEntries(&before, &after)
                    let a = try before.current(tree: old)
                    let b = try after.current(tree: new)
                    guard a != nil || b != nil else { break }
                    let order: Int = if let a, let b { RawTreeEntry.compare(a, b) } else { a == nil ? 1 : -1 }
                    if order == 0 {
                        before.advance(past: a!)
                        after.advance(past: b!)
                        let (x, y) = (a!.entry, b!.entry)
                        if x.kind == y.kind && x.id == y.id { continue }
                        try record(x, y, path: path, into: &result)
                    } else if order < 0 {
                        before.advance(past: a!)
                        try record(a!.entry, nil, path: path, into: &result)
                    } else {
                        after.advance(past: b!)
                        try record(nil, b!.entry, path: path, into: &result)
                    }
                }
            }
        }
    }

    /// Lends the raw bytes of tree `id` (empty for nil) to `body`.
    private func withRawTree<T>(
        _ id: ObjectID?, _ body: (UnsafeRawBufferPointer) throws(GitError) -> T
    ) throws(GitError) -> T {
        guard let id else { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        return try withRawObject(id, type: GIT_OBJECT_TREE, body)
    }

    /// One differing pair of entries (same name, or one side missing): descend into trees,
    /// report files.
    private func record(_ before: TreeEntry?, _ after: TreeEntry?, path: String, into result: inout TreeComparison) throws(GitError) {
        let name = (after ?? before)!.name
        let child = path.isEmpty ? name : path + "/" + name
        let oldTree = before?.kind == .tree ? before?.id : nil
        let newTree = after?.kind == .tree ? after?.id : nil
        if oldTree != nil || newTree != nil {
            result.directories.append(TreeDelta(path: child, old: oldTree, new: newTree, newKind: newTree.map { _ in .tree }, name: name))
            try walk(old: oldTree, new: newTree, path: child, into: &result)
        }
        let oldBlob = before?.kind == .tree ? nil : before?.id
        let newBlob = after?.kind == .tree ? nil : after?.id
        if oldBlob != nil || newBlob != nil {
            result.files.append(TreeDelta(path: child, old: oldBlob, new: newBlob, newKind: newBlob.map { _ in after!.kind }, name: name))
        }
    }
}

/// One entry of a raw tree object: `<octal mode> <name>\0<20-byte id>`.
private struct RawTreeEntry {
    /// The whole entry.
    var bytes: Slice<UnsafeRawBufferPointer>
    /// The name, without the terminating NUL.
    var name: Slice<UnsafeRawBufferPointer>
    var mode: UInt32

    var isTree: Bool { mode == 0o040000 }

    /// The entry as a Swift value (only for entries that differ).
    var entry: TreeEntry {
        let idStart = name.endIndex + 1
        let id = ObjectID(bytes: Array(bytes.base[idStart..<(idStart + 20)]))
        let kind: EntryKind =
            switch mode {
            case 0o040000: .tree
            case 0o100755: .executable
            case 0o120000: .symlink
            case 0o160000: .submodule
            default: .blob
            }
        return TreeEntry(name: String(decoding: name, as: UTF8.self), id: id, kind: kind)
    }

    /// Git's order of tree entries (`git_tree_entry_cmp`): names byte by byte, a directory's
    /// name as if it ended in "/".
    static func compare(_ a: RawTreeEntry, _ b: RawTreeEntry) -> Int {
        let common = min(a.name.count, b.name.count)
        var i = a.name.startIndex
        var j = b.name.startIndex
        for _ in 0..<common {
            if a.name.base[i] != b.name.base[j] { return a.name.base[i] < b.name.base[j] ? -1 : 1 }
            i += 1
            j += 1
        }
        let x: UInt8 = a.name.count > common ? a.name.base[i] : (a.isTree ? UInt8(ascii: "/") : 0)
        let y: UInt8 = b.name.count > common ? b.name.base[j] : (b.isTree ? UInt8(ascii: "/") : 0)
        return x == y ? 0 : (x < y ? -1 : 1)
    }
}

/// Reads the entries of a raw tree object one by one, checking its structure.
private struct RawTreeCursor {
    let buffer: UnsafeRawBufferPointer
    var offset = 0

    init(_ buffer: UnsafeRawBufferPointer) {
        self.buffer = buffer
    }

    /// The entry at the cursor, nil at the end; throws when the object is malformed.
    func current(tree: ObjectID?) throws(GitError) -> RawTreeEntry? {
        guard offset < buffer.count else { return nil }
        var mode: UInt32 = 0
        var index = offset
        while index < buffer.count, buffer[index] != UInt8(ascii: " ") {
            let digit = buffer[index] &- UInt8(ascii: "0")
            guard digit < 8, index - offset < 7 else { throw Self.malformed(tree) }
            mode = mode << 3 | UInt32(digit)
            index += 1
        }
        let nameStart = index + 1
        guard index > offset, nameStart < buffer.count else { throw Self.malformed(tree) }
        var nameEnd = nameStart
        while nameEnd < buffer.count, buffer[nameEnd] != 0 { nameEnd += 1 }
        let end = nameEnd + 1 + 20
        guard nameEnd > nameStart, end <= buffer.count else { throw Self.malformed(tree) }
        return RawTreeEntry(bytes: buffer[offset..<end], name: buffer[nameStart..<nameEnd], mode: mode)
    }

    mutating func advance(past entry: RawTreeEntry) {
        offset = entry.bytes.endIndex
    }

    /// Moves both cursors past the entries they have in common byte for byte: the bytes ahead
    /// are compared with `memcmp` in blocks, then whole entries inside the common run are
    /// stepped over (an entry ends 20 bytes after its name's NUL). Two versions of a large
    /// directory are mostly one common run, so this is a fast scan rather than a parse.
    static func skipCommonEntries(_ a: inout RawTreeCursor, _ b: inout RawTreeCursor) {
        guard let x = a.buffer.baseAddress, let y = b.buffer.baseAddress else { return }
        let available = min(a.buffer.count - a.offset, b.buffer.count - b.offset)
        var common = 0
        let block = 4096
        while common + block <= available, memcmp(x + a.offset + common, y + b.offset + common, block) == 0 {
            common += block
        }
        while common < available,
            x.load(fromByteOffset: a.offset + common, as: UInt8.self)
                == y.load(fromByteOffset: b.offset + common, as: UInt8.self)
        {
            common += 1
        }
        var skipped = 0
        while skipped < common {
            let start = x + a.offset + skipped
            guard let nul = memchr(start, 0, common - skipped) else { break }
            let length = UnsafeRawPointer(nul) - start + 1 + 20
            guard skipped + length <= common else { break }
            skipped += length
        }
        a.offset += skipped
        b.offset += skipped
    }

    private static func malformed(_ tree: ObjectID?) -> GitError {
        GitError(code: GIT_EINVALID.rawValue, function: "tree walk", subject: tree?.hex, message: "malformed tree object")
    }
}

extension Repository {
    /// The best common ancestor of two commits (what a pull request is judged against when the
    /// target branch moved on), or nil when they share no history.
    package func mergeBase(_ one: ObjectID, _ two: ObjectID) throws(GitError) -> ObjectID? {
        var out = git_oid()
        var a = one.raw
        var b = two.raw
        let code = git_merge_base(&out, handle, &a, &b)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try check(code, "git_merge_base")
        return ObjectID(out)
    }

    /// The repository's common directory: `.git` of the main work tree, shared by linked work
    /// trees (where hooks and configuration live).
    package var commonDirectory: String {
        String(cString: git_repository_commondir(handle))
    }
}
