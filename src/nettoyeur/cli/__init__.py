"""The command line: builds the config, shows progress, maps errors to exit codes."""
