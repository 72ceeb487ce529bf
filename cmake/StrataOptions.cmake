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
