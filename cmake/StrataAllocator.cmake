# The programs allocate through mimalloc instead of glibc's malloc: a run on SQLite spends
# about a fifth of its time in malloc/free (SQLite's schema reloads after each ALTER TABLE,
# Qt's containers in migrate and the studio), and mimalloc takes 15-20% off such runs.
# Linked without --as-needed because nothing calls it by name: being a direct dependency
# ahead of libc is what makes its malloc the process's malloc, SQLite's and Qt's included.
find_package(mimalloc 2.0 REQUIRED)

function(strata_use_mimalloc target)
    target_link_options(${target} PRIVATE "LINKER:--no-as-needed")
    target_link_libraries(${target} PRIVATE mimalloc)
endfunction()
