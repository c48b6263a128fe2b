# cmake -DHASHI=build/hashi -DHELP2MAN=help2man -DOUT=hashi.1 -P hashi_man_page.cmake
# Writes hashi(1): help2man over `hashi --help`, plus a COMMANDS section with each command's
# --help (the command names are read from the "Commands:" list of `hashi --help`).
execute_process(COMMAND "${HASHI}" --help OUTPUT_VARIABLE main_help RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${HASHI} --help failed")
endif()
string(REGEX MATCH "Commands:\n(  [a-z]+[^\n]*\n)+" command_list "${main_help}")
string(REGEX MATCHALL "\n  [a-z]+" names "${command_list}")
set(include_text "[COMMANDS]\n")
foreach(name IN LISTS names)
  string(STRIP "${name}" name)
  execute_process(COMMAND "${HASHI}" ${name} --help OUTPUT_VARIABLE help RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${HASHI} ${name} --help failed")
  endif()
  # Qt's own options are not hashi's to document.
  string(REGEX REPLACE "  --help-all[^\n]*\n" "" help "${help}")
  # troff: a leading "." or "'" starts a request; backslashes escape.
  string(REPLACE "\\" "\\e" help "${help}")
  string(REGEX REPLACE "\n([.'])" "\n\\\\&\\1" help "${help}")
  string(APPEND include_text ".SS ${name}\n.nf\n${help}.fi\n")
endforeach()
string(APPEND include_text "[ENVIRONMENT]\n"
  ".TP\n.B HASHI_TM\nThe translation memory file when --tm is not given (default ./hashi.db).\n"
  ".TP\n.B HASHI_DATA_DIR\nThe folder of hashi.srx and boilerplate.txt, instead of the installed one.\n"
  "[FILES]\n"
  ".TP\n.I /usr/share/hashi/hashi.srx\nSegmentation rules for en, vi and ja (SRX 2.0).\n"
  ".TP\n.I /usr/share/hashi/boilerplate.txt\nWhat --clean strips from articles.\n")
get_filename_component(out_dir "${OUT}" DIRECTORY)
file(MAKE_DIRECTORY "${out_dir}")
file(WRITE "${OUT}.include" "${include_text}")
execute_process(
  COMMAND "${HELP2MAN}" --no-info --section=1
          "--name=translation-memory workbench for EN/VI/JA press releases"
          "--include=${OUT}.include" "--output=${OUT}" "${HASHI}"
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "help2man failed")
endif()
