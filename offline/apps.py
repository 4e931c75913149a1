from django.apps import AppConfig


class OfflineConfig(AppConfig):
    name = "offline"
    verbose_name = "Offline use"

    def ready(self):
        from django.contrib.auth.signals import user_logged_out

        from offline.middleware import mark_logged_out

        user_logged_out.connect(mark_logged_out, dispatch_uid="offline-clear-site-data")
