@echo off
rem Markpoint launcher for Windows: runs ./markpoint with the bash of Git for Windows or WSL.
setlocal
where bash >nul 2>nul
if errorlevel 1 (
  echo markpoint: needs bash ^(Git for Windows or WSL^) on the PATH to run "%~dp0markpoint". 1>&2
  exit /b 1
)
bash "%~dp0markpoint" %*
exit /b %ERRORLEVEL%
