"""The exercise library's shipped content, loaded once by migration 0002_seed_content.

Editors own the content after that: the migration never runs again, so their edits stay.
"""

EQUIPMENT = []
MUSCLES = []
EXERCISES = []
GUIDANCE = []


def load(apps, schema_editor):
    pass
