#include <git2.h>
#include <git2/sys/merge.h>
#include <git2/sys/mempack.h>
#include <git2/sys/odb_backend.h>

/* git_libgit2_opts is variadic, which Swift cannot call: these wrappers name the options used. */
static inline int welltree_set_strict_hash_verification(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, enabled);
}

static inline int welltree_set_owner_validation(int enabled) {
    return git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, enabled);
}

static inline int welltree_set_caching(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_CACHING, enabled);
}


/* Stores an object in one backend of an object database (the scratch store of read-only
   views), bypassing the database's choice of where writes go. */
static inline int welltree_backend_write(git_odb_backend *backend, const git_oid *id, const void *data, size_t length, git_object_t type) {
    return backend->write(backend, id, data, length, type);
}

/* Where libgit2 looks for the global, XDG or system configuration (a GIT_CONFIG_LEVEL_*), for
   the whole process: tests running commands in-process pin an identity with it. */
static inline int welltree_set_config_search_path(int level, const char *path) {
    return git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, level, path);
}
