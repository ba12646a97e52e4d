"""This run and the person at the terminal: settings, output, prompts, interviews."""
