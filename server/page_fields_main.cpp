// tracuu-page-fields [FILE]: writes static/js/query-fields.js (page_fields.hpp) to FILE, or to
// standard output.
#include <fstream>
#include <iostream>

#include "page_fields.hpp"

int main(int argc, char** argv) {
    if (argc > 2) {
        std::cerr << "usage: tracuu-page-fields [FILE]\n";
        return 2;
    }
    const std::string text = tracuu::page_fields_module();
    if (argc == 1) {
        std::cout << text;
        return std::cout ? 0 : 1;
    }
    std::ofstream out(argv[1], std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) {
        std::cerr << "tracuu-page-fields: cannot write " << argv[1] << "\n";
        return 1;
    }
    return 0;
}
