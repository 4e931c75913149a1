from django.core.management.base import BaseCommand, CommandError

from exercises.figures import FIGURE_DIR, rendered_files, static_root


class Command(BaseCommand):
    help = "Draw every movement's pictures from exercises/figures.py into static/figures/."

    def add_arguments(self, parser):
        parser.add_argument(
            "--check",
            action="store_true",
            help="Write nothing; fail when the files on disk differ from the drawings.",
        )

    def handle(self, *args, check=False, **options):
        root = static_root()
        files = rendered_files()
        stale = [
            name
            for name, text in files.items()
            if not (root / name).exists() or (root / name).read_text() != text
        ]
        extra = sorted(
            str(path.relative_to(root))
            for path in (root / FIGURE_DIR).glob("*.svg")
            if str(path.relative_to(root)) not in files
        )
        if check:
            if stale or extra:
                raise CommandError(
                    "Out of date: " + ", ".join(stale + extra) + ". Run manage.py draw_figures."
                )
            self.stdout.write(f"{len(files)} figures up to date.")
            return
        (root / FIGURE_DIR).mkdir(exist_ok=True)
        for name in stale:
            (root / name).write_text(files[name])
        for name in extra:
            (root / name).unlink()
        self.stdout.write(f"{len(stale)} written, {len(extra)} removed, {len(files)} in all.")
