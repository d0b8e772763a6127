"""A throwaway PostgreSQL cluster for the tests of the PostgreSQL store (issue 15).

`Cluster.start` runs initdb and pg_ctl from the distribution's packages (PostgreSQL refuses
to run as root, so as the user `postgres` when the tests run as root), in a folder that user
can reach, on a free local port; `fresh_database` makes an empty database per test. Without
the binaries the tests that need a cluster are skipped, except on CI (CI=true), where a
missing PostgreSQL is a failure: scripts/test.sh installs it.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

import psycopg

BOTH = ["duckdb", "postgres"]
"""The params of a test module's `backend` fixture that runs its tests on both stores."""


def binaries() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("initdb")
    return Path(on_path).parent if on_path else None


def _free_port() -> int:
    """A free local port: from VIFTEN_TEST_PG_PORTS ("55400-55499") where that is set (a
    machine shared with other servers), else one the system picks."""
    low, _, high = os.environ.get("VIFTEN_TEST_PG_PORTS", "0-0").partition("-")
    for port in range(int(low), int(high or low) + 1):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return int(probe.getsockname()[1])
    raise RuntimeError("no free port in VIFTEN_TEST_PG_PORTS")


@dataclass
class Cluster:
    folder: Path
    port: int
    user: str
    as_postgres: list[str]

    @classmethod
    def start(cls, bin_dir: Path) -> Cluster:
        as_root = os.geteuid() == 0
        prefix = ["runuser", "-u", "postgres", "--"] if as_root else []
        user = "postgres" if as_root else os.environ.get("USER", "postgres")
        # /tmp is open to every user: the data folder of root's own temporary folder is not
        folder = Path(tempfile.mkdtemp(prefix="viften-pg-", dir="/tmp"))
        if as_root:
            shutil.chown(folder, "postgres")
        data = folder / "data"
        subprocess.run(
            [*prefix, str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", user],
            check=True,
            capture_output=True,
        )
        for _ in range(20):  # a port taken between the probe and the start: another one
            port = _free_port()
            started = subprocess.run(
                [
                    *prefix,
                    str(bin_dir / "pg_ctl"),
                    "-D",
                    str(data),
                    "-l",
                    str(folder / "server.log"),
                    "-o",
                    f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off",
                    "-w",
                    "start",
                ],
                capture_output=True,
            )
            if started.returncode == 0:
                return cls(folder, port, user, prefix)
        raise RuntimeError((folder / "server.log").read_text())

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{self.user}@127.0.0.1:{self.port}/{database}"

    def fresh_database(self, template: str | None = None) -> str:
        """The URL of a new database: empty, or a copy of the database `template`."""
        name = f"t_{uuid.uuid4().hex[:16]}"
        copy = f" TEMPLATE {template}" if template else ""
        with psycopg.connect(self.url(), autocommit=True) as con:
            con.execute(f"CREATE DATABASE {name}{copy}")
        return self.url(name)

    def stop(self, bin_dir: Path) -> None:
        subprocess.run(
            [*self.as_postgres, str(bin_dir / "pg_ctl"), "-D", str(self.folder / "data")]
            + ["-m", "immediate", "stop"],
            capture_output=True,
        )
        shutil.rmtree(self.folder, ignore_errors=True)
