# Our own code builds with every warning as an error.
function(madoguchi_strict target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Werror)
endfunction()
