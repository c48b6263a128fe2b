// Temporary entry point while the command framework is written.
#include <cstdio>
#include <cstring>
int main(int argc, char** argv) {
  if (argc > 1 && std::strcmp(argv[1], "--version") == 0) std::puts("hashi " HASHI_VERSION);
  return 0;
}
