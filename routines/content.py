"""Starter routines shipped as content, loaded once by migration 0002_starter_routines."""

STARTERS = []


def load(apps, schema_editor):
    pass
