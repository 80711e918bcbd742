#include "CPangoCairo.h"

#define CPANGOCAIRO_SYMBOL(library, result, name, parameters) \
    {CPANGOCAIRO_##library, #name, offsetof(CPangoCairoFunctions, name)},

static const CPangoCairoSymbol symbols[] = {CPANGOCAIRO_FUNCTIONS(CPANGOCAIRO_SYMBOL)};

/* The loader fills the table through this list alone: it must cover every field. */
_Static_assert(sizeof(CPangoCairoFunctions) == sizeof symbols / sizeof symbols[0] * sizeof(void (*)(void)),
               "CPangoCairoFunctions has a field the symbol list lacks");

const CPangoCairoSymbol *const cpangocairo_symbols = symbols;
const size_t cpangocairo_symbol_count = sizeof symbols / sizeof symbols[0];

static const char *const sonames[] = {
#if defined(__APPLE__)
    "libpangocairo-1.0.0.dylib", "libpango-1.0.0.dylib", "libcairo.2.dylib", "libgobject-2.0.0.dylib",
#else
    "libpangocairo-1.0.so.0", "libpango-1.0.so.0", "libcairo.so.2", "libgobject-2.0.so.0",
#endif
};

const char *const *const cpangocairo_sonames = sonames;
const size_t cpangocairo_library_count = sizeof sonames / sizeof sonames[0];
