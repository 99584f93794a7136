from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("screenings", "0004_rsvps_are_protected"),
    ]

    operations = [
        migrations.RenameField(model_name="rsvp", old_name="reminder_sent_at", new_name="reminder_queued_at"),
        migrations.AlterField(
            model_name="rsvp",
            name="reminder_queued_at",
            field=models.DateTimeField(blank=True, help_text="When the reminder was queued.", null=True),
        ),
    ]
