# Installation and packaging (issue 20): `cmake --install` puts the binary, its man page, the user
# documentation and the licence in the usual places; `cpack -G DEB` makes a .deb whose
# dependencies are the Debian runtime libraries (found by dpkg-shlibdeps, from dpkg-dev).
include(GNUInstallDirs)

install(TARGETS xxgk RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# The PDF backend, loaded by xxgk from ${CMAKE_INSTALL_LIBDIR}/xxgk relative to its binary.
install(TARGETS xxgk_pdf LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}/xxgk)

# The man page is made from `xxgk --help` (and each command's --help) by help2man at build time;
# without help2man the build goes on and installs no man page.
find_program(HELP2MAN help2man)
if(HELP2MAN)
  set(XXGK_MAN_PAGE ${CMAKE_BINARY_DIR}/xxgk.1)
  add_custom_command(
    OUTPUT ${XXGK_MAN_PAGE}
    COMMAND ${CMAKE_COMMAND} -DHELP2MAN=${HELP2MAN} -DXXGK=$<TARGET_FILE:xxgk> -DOUT=${XXGK_MAN_PAGE}
            -P ${CMAKE_SOURCE_DIR}/cmake/man_page.cmake
    DEPENDS xxgk ${CMAKE_SOURCE_DIR}/cmake/man_page.cmake
    COMMENT "Generating the man page xxgk.1 with help2man"
    VERBATIM)
  add_custom_target(man ALL DEPENDS ${XXGK_MAN_PAGE})
  install(FILES ${XXGK_MAN_PAGE} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  message(STATUS "help2man not found: no man page (apt-get install help2man)")
endif()

install(FILES ${CMAKE_SOURCE_DIR}/README.md ${CMAKE_SOURCE_DIR}/LICENSE
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY ${CMAKE_SOURCE_DIR}/docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs
        FILES_MATCHING PATTERN "*.md")

set(CPACK_PACKAGE_NAME xxgk)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "xxgk")
set(CPACK_PACKAGE_CONTACT "xxgk maintainers <xxgk@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "validate and convert 政府信息公开工作年度报告 (government information disclosure reports)")
set(CPACK_RESOURCE_FILE_LICENSE ${CMAKE_SOURCE_DIR}/LICENSE)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_LICENSE "GPL-3.0-or-later")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "xxgk reads China's annual government-information-disclosure reports (docx, HTML, text\n\
forms), extracts their three standard tables, checks the template's consistency rules and\n\
writes findings for people, scripts and CI, or the normalized report (JSON, CSV, Excel, Word).")
set(CPACK_STRIP_FILES ON)
include(CPack)
