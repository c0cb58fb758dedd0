import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("kaarten", "0005_locaties_vullen")]

    operations = [
        migrations.RemoveField(
            model_name='gebied',
            name='geometrie',
        ),
        migrations.RemoveField(
            model_name='gebied',
            name='herkomst',
        ),
        migrations.RemoveField(
            model_name='gebied',
            name='indicatief',
        ),
        migrations.RemoveField(
            model_name='kaartobject',
            name='gebied',
        ),
        migrations.RemoveField(
            model_name='kaartobject',
            name='geometrie',
        ),
        migrations.RemoveField(
            model_name='kaartobject',
            name='herkomst',
        ),
        migrations.RemoveField(
            model_name='kaartobject',
            name='indicatief',
        ),
        migrations.AlterField(
            model_name="kaartobject",
            name="locatie",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="kaartobjecten",
                to="kaarten.locatie",
                verbose_name="locatie",
            ),
        ),
    ]
