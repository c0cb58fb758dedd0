"""After a publish, unpublish or deletion, every worker serves the new state at once: two portal
processes on one database and one cache, changed by a third (as an editor in another worker)."""

from .servers import MINIMAL_SITE, environment, get, manage, serving


def test_every_worker_follows_publishing_unpublishing_and_deleting(database_url, tmp_path):
    env = environment(database_url, tmp_path / "cache")
    manage(env, "migrate", "--no-input", "-v0")
    manage(env, "shell", "-c", MINIMAL_SITE)

    def shell(code: str) -> None:
        manage(env, "shell", "-c", "from visie.models import *\n" + code)

    with serving(env) as first, serving(env) as second:
        workers = (first, second)
        chapter = "/hoofdstuk-van-de-test/"
        for worker in workers:
            for path in (chapter, "/leesversie/"):
                status, headers, text = get(worker + path)
                assert status == 200, text
                assert "Eerste testthema" in text
            assert get(worker + chapter)[1]["X-Cache"] == "HIT"

        shell(
            "chapter = HoofdstukPage.objects.get()\n"
            "thema = chapter.add_child(instance=ThemaPage("
            "title='Tweede testthema', nummer='2.2', live=False))\n"
            "thema.save_revision().publish()"
        )
        for worker in workers:
            for path in (chapter, "/leesversie/"):
                assert "2.2 Tweede testthema" in get(worker + path)[2], (worker, path)

        shell("ThemaPage.objects.get(nummer='2.1').unpublish()")
        for worker in workers:
            for path in (chapter, "/leesversie/"):
                assert "Eerste testthema" not in get(worker + path)[2], (worker, path)

        shell("ThemaPage.objects.get(nummer='2.2').delete()")
        for worker in workers:
            status, _, text = get(worker + "/leesversie/")
            assert status == 200, text
            assert "Tweede testthema" not in text
            assert "Tweede testthema" not in get(worker + chapter)[2]
