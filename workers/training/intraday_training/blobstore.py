"""The blob store as the Python worker sees it: the same key rule as core/storage/blobStore.ts.

- local (default): key `a/b/c` is the file `<data dir>/blobs/a/b/c`; data dir = INTRADAY_DATA_DIR, else
  $XDG_DATA_HOME/intraday, else ~/.local/share/intraday (cli/paths.ts resolveDataDir does the same).
- azure (INTRADAY_BLOB_KIND=azure): container INTRADAY_BLOB_CONTAINER (default `intraday`) reached with
  AZURE_STORAGE_CONNECTION_STRING.
Puts are atomic: local writes go to `<target>#tmp-<pid>-<hex>` in the same folder (the TypeScript store's
temporary mark, which its `list` skips) and are renamed over the target; an Azure block upload commits at once.
"""

from __future__ import annotations

import os
import re
import secrets
from pathlib import Path
from typing import Optional, Protocol

from .errors import BadTrainingInput

_SEGMENT = re.compile(r"^[A-Za-z0-9_=.+-]+$")
TEMP_MARK = "#tmp-"


class BlobNotFound(BadTrainingInput):
    """A key the input names does not exist (the caller's mistake, so not worth a retry)."""


def check_blob_key(key: str) -> str:
    """Validates a key by the rule of core/storage/blobStore.ts checkBlobKey and returns it."""
    if not 1 <= len(key) <= 1024:
        raise BadTrainingInput(f'invalid blob key "{key}": length must be 1..1024')
    if key.startswith("/") or key.endswith("/"):
        raise BadTrainingInput(f'invalid blob key "{key}": no leading or trailing "/"')
    for segment in key.split("/"):
        if segment in ("", ".", ".."):
            raise BadTrainingInput(f'invalid blob key "{key}": empty, "." and ".." segments are not allowed')
        if not _SEGMENT.match(segment):
            raise BadTrainingInput(
                f'invalid blob key "{key}": segment "{segment}" has characters outside [A-Za-z0-9_=.+-]'
            )
    return key


def resolve_data_dir() -> Path:
    if os.environ.get("INTRADAY_DATA_DIR"):
        return Path(os.environ["INTRADAY_DATA_DIR"])
    if os.environ.get("XDG_DATA_HOME"):
        return Path(os.environ["XDG_DATA_HOME"]) / "intraday"
    return Path.home() / ".local" / "share" / "intraday"


class BlobStore(Protocol):
    kind: str

    def get(self, key: str) -> bytes: ...

    def put(self, key: str, data: bytes) -> None: ...

    def exists(self, key: str) -> bool: ...

    def version(self, key: str) -> Optional[str]:
        """A token that changes whenever the blob's bytes may have (framecache.py); None when absent."""
        ...


class LocalBlobStore:
    kind = "local"

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def path_of(self, key: str) -> Path:
        return self.root.joinpath(*check_blob_key(key).split("/"))

    def get(self, key: str) -> bytes:
        path = self.path_of(key)
        try:
            return path.read_bytes()
        except FileNotFoundError:
            raise BlobNotFound(f'no blob at key "{key}" (looked for {path})') from None

    def exists(self, key: str) -> bool:
        return self.path_of(key).is_file()

    def version(self, key: str) -> Optional[str]:
        # put() renames a new file over the old one, so the inode changes even when size and mtime would not
        path = self.path_of(key)
        try:
            st = path.stat()
        except FileNotFoundError:
            return None
        return f"{path}|{st.st_size}|{st.st_mtime_ns}|{st.st_ino}"

    def put(self, key: str, data: bytes) -> None:
        target = self.path_of(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        temp = target.with_name(f"{target.name}{TEMP_MARK}{os.getpid()}-{secrets.token_hex(6)}")
        try:
            with open(temp, "xb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp, target)
        finally:
            if temp.exists():
                temp.unlink()


class AzureBlobStore:
    kind = "azure"

    def __init__(self, connection_string: str, container: str) -> None:
        from azure.storage.blob import BlobServiceClient  # imported here: local use needs no Azure SDK load

        self.container = BlobServiceClient.from_connection_string(connection_string).get_container_client(container)
        if not self.container.exists():
            self.container.create_container()

    def get(self, key: str) -> bytes:
        from azure.core.exceptions import ResourceNotFoundError

        try:
            return self.container.download_blob(check_blob_key(key)).readall()
        except ResourceNotFoundError:
            raise BlobNotFound(f'no blob at key "{key}" in container "{self.container.container_name}"') from None

    def exists(self, key: str) -> bool:
        return self.container.get_blob_client(check_blob_key(key)).exists()

    def version(self, key: str) -> Optional[str]:
        """The blob's ETag (Azure changes it on every write), from one HEAD request instead of a download."""
        from azure.core.exceptions import ResourceNotFoundError

        try:
            properties = self.container.get_blob_client(check_blob_key(key)).get_blob_properties()
        except ResourceNotFoundError:
            return None
        return f"{self.container.url}/{key}|{properties.etag}|{properties.size}"

    def put(self, key: str, data: bytes) -> None:
        self.container.upload_blob(check_blob_key(key), data, overwrite=True)


def open_blob_store() -> BlobStore:
    """The store the environment names (see the module docstring)."""
    kind = os.environ.get("INTRADAY_BLOB_KIND", "local")
    if kind == "azure":
        connection = os.environ.get("AZURE_STORAGE_CONNECTION_STRING")
        if not connection:
            raise RuntimeError("INTRADAY_BLOB_KIND=azure needs AZURE_STORAGE_CONNECTION_STRING")
        return AzureBlobStore(connection, os.environ.get("INTRADAY_BLOB_CONTAINER", "intraday"))
    if kind != "local":
        raise RuntimeError(f'INTRADAY_BLOB_KIND must be "local" or "azure", was "{kind}"')
    return LocalBlobStore(resolve_data_dir() / "blobs")
