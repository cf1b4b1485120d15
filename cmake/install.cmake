# Install layout: bin/mplaunch, bin/mpcc, lib/libmpr.*, include/mpi.h, lib/pkgconfig/mpr.pc,
# lib/cmake/MPR/ (find_package), share/man/man1/mplaunch.1.
include(CMakePackageConfigHelpers)

install(EXPORT MPRTargets NAMESPACE MPR:: DESTINATION lib/cmake/MPR)
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/MPRConfig.cmake.in
    ${PROJECT_BINARY_DIR}/cmake/MPRConfig.cmake INSTALL_DESTINATION lib/cmake/MPR)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/cmake/MPRConfigVersion.cmake
    COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/cmake/MPRConfig.cmake
    ${PROJECT_BINARY_DIR}/cmake/MPRConfigVersion.cmake DESTINATION lib/cmake/MPR)

set(MPR_MPI_VERSION 3.1)
configure_file(${PROJECT_SOURCE_DIR}/cmake/mpr.pc.in ${PROJECT_BINARY_DIR}/cmake/mpr.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/cmake/mpr.pc DESTINATION lib/pkgconfig)

install(FILES ${PROJECT_SOURCE_DIR}/docs/mplaunch.1 DESTINATION share/man/man1)

# mpicc -> mpcc, mpiexec and mpirun -> mplaunch, for build scripts and tools that expect the
# conventional names (CMake's FindMPI finds them under MPI_HOME). Relative links, so the tree
# stays relocatable. Installed with everything else when MPR_INSTALL_MPI_ALIASES is ON; either
# way `cmake --install BUILD --component mpi-aliases` installs just them.
if(MPR_INSTALL_MPI_ALIASES)
    set(MPR_ALIASES_EXCLUDE)
else()
    set(MPR_ALIASES_EXCLUDE EXCLUDE_FROM_ALL)
endif()
install(CODE "
    foreach(pair mpicc:mpcc mpiexec:mplaunch mpirun:mplaunch)
        string(REPLACE \":\" \";\" p \${pair})
        list(GET p 0 alias)
        list(GET p 1 target)
        set(link \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/bin/\${alias}\")
        message(STATUS \"Installing: \${link} -> \${target}\")
        file(MAKE_DIRECTORY \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/bin\")
        file(CREATE_LINK \${target} \${link} SYMBOLIC)
    endforeach()
" COMPONENT mpi-aliases ${MPR_ALIASES_EXCLUDE})
