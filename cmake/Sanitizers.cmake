# TRACUU_SANITIZE: everything (libraries, tools, tests) built with AddressSanitizer and
# UndefinedBehaviorSanitizer; any report aborts, so the test that caused it fails.
# TRACUU_FUZZ: also libFuzzer's coverage instrumentation, and the harnesses in tests/fuzz. Needs
# clang (Debian's clang with libclang-rt-14-dev); implies TRACUU_SANITIZE.
if(TRACUU_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "TRACUU_FUZZ needs clang++ for libFuzzer: configure a separate build "
                            "folder with -DCMAKE_CXX_COMPILER=clang++ (see scripts/test-sanitized)")
    endif()
    set(TRACUU_SANITIZE ON CACHE BOOL "" FORCE)
    add_compile_options(-fsanitize=fuzzer-no-link)
endif()
if(TRACUU_SANITIZE)
    add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all
                        -fno-omit-frame-pointer)
    add_link_options(-fsanitize=address,undefined)
endif()
