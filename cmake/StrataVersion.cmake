# The version lives once, in project(VERSION) (passed to the code as STRATA_VERSION);
# this adds the git commit when the tree is a checkout. strata_buildinfo.h is written at
# configure time, only when its text changes, so a re-configure rebuilds nothing needlessly.
set(STRATA_GIT_COMMIT "")
find_package(Git QUIET)
# Only this tree's own .git counts: a tarball unpacked inside another repository is not a checkout.
if(GIT_FOUND AND EXISTS "${PROJECT_SOURCE_DIR}/.git")
    execute_process(COMMAND ${GIT_EXECUTABLE} describe --always --dirty --abbrev=7
                    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
                    OUTPUT_VARIABLE STRATA_GIT_COMMIT OUTPUT_STRIP_TRAILING_WHITESPACE
                    RESULT_VARIABLE git_result ERROR_QUIET)
    if(NOT git_result EQUAL 0)
        set(STRATA_GIT_COMMIT "")   # not a checkout (a source tarball): the version alone
    endif()
    execute_process(COMMAND ${GIT_EXECUTABLE} rev-parse --absolute-git-dir
                    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
                    OUTPUT_VARIABLE git_dir OUTPUT_STRIP_TRAILING_WHITESPACE
                    RESULT_VARIABLE git_result ERROR_QUIET)
    # A new commit moves logs/HEAD; re-configure then so the commit shown is the one built.
    if(git_result EQUAL 0 AND EXISTS "${git_dir}/logs/HEAD")
        set_property(DIRECTORY ${PROJECT_SOURCE_DIR} APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${git_dir}/logs/HEAD")
    endif()
endif()

if(STRATA_GIT_COMMIT)
    set(STRATA_VERSION_STRING "${PROJECT_VERSION} (${STRATA_GIT_COMMIT})")
else()
    set(STRATA_VERSION_STRING "${PROJECT_VERSION}")
endif()
message(STATUS "Strata version: ${STRATA_VERSION_STRING}")

configure_file(${CMAKE_CURRENT_LIST_DIR}/strata_buildinfo.h.in
               ${PROJECT_BINARY_DIR}/generated/strata_buildinfo.h @ONLY)
target_include_directories(strata_options INTERFACE ${PROJECT_BINARY_DIR}/generated)
