# CPack: one Debian package, `strata`, with the command line, the studio and their data.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME strata)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "The Strata developers")
set(STRATA_PACKAGE_MAINTAINER "Strata maintainers <maintainers@users.noreply.github.com>"
    CACHE STRING "The Maintainer field of the Debian package")
set(CPACK_PACKAGE_CONTACT "${STRATA_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "schema migration manager for SQLite and PostgreSQL")
set(CPACK_PACKAGE_DESCRIPTION "Strata manages database schema migrations the Alembic / Flask-Migrate way:
revision files, upgrade, downgrade, history and offline SQL scripts, for SQLite
and PostgreSQL. This package holds the command line (strata) and the desktop
window (strata-studio), which draws the revision history as a timeline and
previews the SQL of every step.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)            # strata_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION database)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# The linked libraries (Qt Core/Sql/Gui/Widgets, yaml-cpp, libstdc++) come from dpkg-shlibdeps;
# the SQL drivers and the display plugins are loaded at run time, so they are named here.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(strata_runtime_depends "libqt6sql6-sqlite, libqt6sql6-psql")
if(TARGET strata-studio)
    # The studio's icons are SVG: Qt draws them through the plugins in libqt6svg6.
    string(APPEND strata_runtime_depends ", qt6-qpa-plugins, libqt6svg6")
endif()
set(CPACK_DEBIAN_PACKAGE_DEPENDS "${strata_runtime_depends}")
# Flask-Migrate / Alembic folders are read exactly with the team's Python; Debian's has
# SQLAlchemy and Alembic with these (without them Strata falls back to its static reader).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "hicolor-icon-theme, python3-alembic, python3-sqlalchemy")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "postgresql-client, sqlite3")

include(CPack)
