"""The ``detente`` command: a thin layer over the library."""
