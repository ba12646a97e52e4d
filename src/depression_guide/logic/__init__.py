"""Pure logic: answers in, results out. No I/O, no prompts, no terminal."""
