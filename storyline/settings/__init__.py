"""Every tunable of storyline, one module per stage, each value with the measurement behind it.

Import the stage's namespace: ``from storyline.settings import dedup as dedup_settings``.
"""
