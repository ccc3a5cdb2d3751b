"""What is inside the encryption: a marker line, the manifest as one JSON line, then the
``pg_dump`` custom-format bytes to the end. Written and read as streams, so the dump in
clear exists only in a pipe, never on disk."""

import json

from .errors import BackupError

MAGIC = b"BJW-BACKUP 1\n"
DUMP_MAGIC = b"PGDMP"  # every pg_dump custom-format file starts with it
MAX_MANIFEST = 1 << 20


class NotABackup(BackupError):
    pass


class Packer:
    """A reader for the encryptor: marker and manifest, then the dump from ``source``."""

    def __init__(self, manifest: dict, source):
        self._head = MAGIC + json.dumps(manifest, sort_keys=True).encode() + b"\n"
        self._source = source
        self.dump_bytes = 0
        self.dump_start = b""

    def read(self, size: int = -1) -> bytes:
        size = size if size and size > 0 else 1 << 16
        if self._head:
            chunk, self._head = self._head[:size], self._head[size:]
            return chunk
        chunk = self._source.read(size)
        if chunk and len(self.dump_start) < len(DUMP_MAGIC):
            self.dump_start += chunk[: len(DUMP_MAGIC) - len(self.dump_start)]
        self.dump_bytes += len(chunk)
        return chunk

    def readinto(self, buffer) -> int:
        chunk = self.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)

    @property
    def has_dump(self) -> bool:
        return self.dump_start == DUMP_MAGIC


class Unpacker:
    """A writer for the decryptor: reads the marker and manifest, passes the dump on."""

    def __init__(self, sink=None, *, name: str = "Dit bestand"):
        self._sink = sink
        self._name = name
        self._head = bytearray()
        self.manifest: dict | None = None
        self.dump_bytes = 0
        self._dump_start = b""

    def _refuse(self, why: str):
        raise NotABackup(f"{self._name} is geen back-up van deze site: {why}.")

    def write(self, data) -> int:
        data = bytes(data)
        if self.manifest is None:
            self._head += data
            if not self._head.startswith(MAGIC[: len(self._head)]):
                self._refuse("het begint niet zoals een back-up van `manage.py backup`")
            end = self._head.find(b"\n", len(MAGIC))
            if end < 0:
                if len(self._head) > len(MAGIC) + MAX_MANIFEST:
                    self._refuse("er staat geen leesbaar manifest in")
                return len(data)
            try:
                manifest = json.loads(self._head[len(MAGIC) : end])
            except ValueError:
                self._refuse("het manifest is onleesbaar")
            if not isinstance(manifest, dict):
                self._refuse("het manifest is onleesbaar")
            self.manifest = manifest
            rest = bytes(self._head[end + 1 :])
            self._head = bytearray()
            self._pass_on(rest)
        else:
            self._pass_on(data)
        return len(data)

    def _pass_on(self, data: bytes) -> None:
        if not data:
            return
        if len(self._dump_start) < len(DUMP_MAGIC):
            self._dump_start += data[: len(DUMP_MAGIC) - len(self._dump_start)]
            if not DUMP_MAGIC.startswith(self._dump_start):
                self._refuse("er zit geen PostgreSQL-dump in")
        self.dump_bytes += len(data)
        if self._sink is not None:
            self._sink.write(data)

    def flush(self) -> None:
        if self._sink is not None:
            self._sink.flush()

    def finish(self) -> dict:
        """The manifest, once the whole file went through; refuses an empty or odd one."""
        if self.manifest is None:
            self._refuse("er staat geen manifest in")
        if self._dump_start != DUMP_MAGIC:
            self._refuse("er zit geen PostgreSQL-dump in")
        return self.manifest
