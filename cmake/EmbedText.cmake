# tracuu_embed_text(<target> <file>...): compiles each text file into the target as
# `tracuu::embedded::<file name without extension>`, a std::string_view. Data tables the query
# side needs (codes, abbreviations, aliases) thus travel inside the binaries: no data directory to
# find at run time, and remote Xapian shards need not hold them.
function(tracuu_embed_text target)
    set(definitions "")
    foreach(file IN LISTS ARGN)
        get_filename_component(path "${file}" ABSOLUTE)
        get_filename_component(name "${file}" NAME_WE)
        file(READ "${path}" text)
        string(APPEND definitions
            "extern const std::string_view ${name};\n"
            "const std::string_view ${name} = R\"tracuu_data(${text})tracuu_data\";\n")
        set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${path}")
    endforeach()
    set(output "${CMAKE_CURRENT_BINARY_DIR}/${target}_embedded.cpp")
    configure_file("${PROJECT_SOURCE_DIR}/cmake/embedded.cpp.in" "${output}" @ONLY)
    target_sources(${target} PRIVATE "${output}")
endfunction()
