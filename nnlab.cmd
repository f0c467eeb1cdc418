@echo off
rem nnlab launcher for Windows: builds the runnable CLI jar when it is missing, then runs it with the
rem JVM flags nnlab needs. Usage: nnlab info ^| nnlab bench gemm [--json] ^| nnlab --help
rem Environment: NNLAB_BACKEND=auto|cpu|simd|opencl picks the backend; NNLAB_JAVA_OPTS adds JVM options.
setlocal enabledelayedexpansion
set "ROOT=%~dp0"
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java"

set "JAR="
for /f "delims=" %%f in ('dir /b /o-d "%ROOT%target\nnlab-*-cli.jar" 2^>nul') do if not defined JAR set "JAR=%ROOT%target\%%f"
if not defined JAR (
  echo nnlab: building the CLI jar ... 1>&2
  pushd "%ROOT%"
  call mvn -q -B -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true package 1>&2
  if errorlevel 1 (
    popd
    echo nnlab: the build failed; run "mvn -DskipTests package" to see why. 1>&2
    exit /b 1
  )
  popd
  for /f "delims=" %%f in ('dir /b /o-d "%ROOT%target\nnlab-*-cli.jar" 2^>nul') do if not defined JAR set "JAR=%ROOT%target\%%f"
)

rem A 1 GiB heap holds the course runs; NNLAB_JAVA_OPTS=-Xmx4g (it comes later and wins) for more.
set "FLAGS=--add-modules jdk.incubator.vector -Xmx1g"
for /f "tokens=3" %%v in ('"%JAVA%" -XshowSettings:properties -version 2^>^&1 ^| findstr /c:"java.specification.version"') do set "JV=%%v"
for /f "delims=." %%m in ("!JV!") do if %%m GEQ 21 set "FLAGS=!FLAGS! --enable-native-access=ALL-UNNAMED"

"%JAVA%" %FLAGS% %NNLAB_JAVA_OPTS% -jar "%JAR%" %*
exit /b %errorlevel%
