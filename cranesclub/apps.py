from django.apps import AppConfig


class CranesClubConfig(AppConfig):
    name = "cranesclub"
    verbose_name = "Cranes Club"
