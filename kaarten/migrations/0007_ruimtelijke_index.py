"""SpatiaLite's R*Tree on the places' geometry. Migration 0004 lost it: adding the check
constraint remade the table, and Django's SpatiaLite schema editor then recovers the geometry
column without its index (the idx_ table stays, empty and no longer kept up to date). PostGIS
kept its GiST index, so this does nothing there. A later migration that remakes the table loses
it again and must repeat this."""

from django.db import migrations

TABLE, COLUMN = "kaarten_locatie", "geometrie"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    # The stale table goes first: CreateSpatialIndex fills a table it creates, not an old one.
    schema_editor.execute(f'DROP TABLE IF EXISTS "idx_{TABLE}_{COLUMN}"')
    schema_editor.execute("SELECT CreateSpatialIndex(%s, %s)", [TABLE, COLUMN])


def disable_index(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("SELECT DisableSpatialIndex(%s, %s)", [TABLE, COLUMN])


class Migration(migrations.Migration):
    dependencies = [("kaarten", "0006_oude_geometrieen_weg")]

    operations = [migrations.RunPython(create_index, disable_index)]
