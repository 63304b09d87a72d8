# Sourced by the scripts that run Parathumb (not run on its own): sets PARATHUMB, unless the caller
# set it, to the installed launcher (mvn -Pinstaller package) if there is one, else to
# `java -jar target/parathumb.jar`; says what to build and exits when there is neither.
here=${here:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
if [ -z "${PARATHUMB:-}" ]; then
  if [ -x "$here/target/dist/parathumb/bin/parathumb" ]; then
    PARATHUMB="$here/target/dist/parathumb/bin/parathumb"
  elif [ -f "$here/target/parathumb.jar" ]; then
    PARATHUMB="java -jar $here/target/parathumb.jar"
  else
    echo "build first: mvn -Pinstaller package -DskipTests (or mvn package)" >&2
    exit 2
  fi
fi
