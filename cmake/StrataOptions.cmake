# One INTERFACE target carries the compile rules every Strata target shares.
find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM)
    set(CMAKE_CXX_COMPILER_LAUNCHER "${CCACHE_PROGRAM}")
endif()

add_library(strata_options INTERFACE)
# std::expected needs C++23 (g++ 12 calls it -std=c++2b).
target_compile_features(strata_options INTERFACE cxx_std_23)
target_compile_options(strata_options INTERFACE -Wall -Wextra -Wpedantic -Wno-missing-field-initializers)
target_compile_definitions(strata_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_NO_URL_CAST_FROM_STRING
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    STRATA_VERSION="${PROJECT_VERSION}")

# `make fuzz`: the core and the libFuzzer targets built by clang with the
# sanitizers, nothing else (tests/fuzz).
option(STRATA_FUZZ "Build only the libFuzzer targets (needs clang 16 or newer)" OFF)
if(STRATA_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang" OR CMAKE_CXX_COMPILER_VERSION VERSION_LESS 16)
        message(FATAL_ERROR "STRATA_FUZZ needs clang 16 or newer (CXX=clang++-16); found "
                            "${CMAKE_CXX_COMPILER_ID} ${CMAKE_CXX_COMPILER_VERSION}")
    endif()
    # libstdc++ 12 offers std::expected only when __cpp_concepts says C++20
    # concepts are complete; clang 16 implements what it needs (P0848) but
    # does not yet say so.
    target_compile_options(strata_options INTERFACE
        -fsanitize=fuzzer-no-link,address,undefined -U__cpp_concepts -D__cpp_concepts=202002L)
    target_link_options(strata_options INTERFACE -fsanitize=address,undefined)
endif()
