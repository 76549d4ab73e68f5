# Writes the man page OUT for the binary XXGK with HELP2MAN: the synopsis and options from
# `xxgk --help`, plus a COMMANDS section with each command's own --help.
get_filename_component(dir ${OUT} DIRECTORY)
set(include_file ${dir}/xxgk-man-commands.h2m)
set(text "[COMMANDS]\n")
foreach(command check convert aggregate rules explain)
  execute_process(COMMAND ${XXGK} ${command} --help OUTPUT_VARIABLE help RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${XXGK} ${command} --help failed")
  endif()
  # roff: a line starting with '.' or "'" would be a request; backslashes are escapes.
  string(REPLACE "\\" "\\e" help "${help}")
  string(REGEX REPLACE "\n([.'])" "\n\\\\&\\1" help "${help}")
  string(APPEND text ".SS \"xxgk ${command}\"\n.nf\n${help}\n.fi\n")
endforeach()
file(WRITE ${include_file} "${text}")
execute_process(
  COMMAND ${HELP2MAN} --no-info --no-discard-stderr --section=1 --locale=C.UTF-8
          "--name=validate and convert annual government information disclosure reports"
          --include=${include_file} --output=${OUT} ${XXGK}
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "help2man failed for ${XXGK}")
endif()
