"""The Python blob stores: the local folder follows the TypeScript rule (`<data dir>/blobs/<key>`, atomic
writes, the same key checks), and the Azure store works against a real Azurite (the npm dev dependency)."""

from __future__ import annotations

import os
import socket
import subprocess
import time
from pathlib import Path

import pytest

from intraday_training.blobstore import AzureBlobStore, BlobNotFound, LocalBlobStore, open_blob_store
from intraday_training.errors import BadTrainingInput

REPO = Path(__file__).resolve().parents[3]
AZURITE_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="


def test_local_store_layout_and_atomic_put(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("INTRADAY_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("INTRADAY_BLOB_KIND", raising=False)
    store = open_blob_store()
    assert isinstance(store, LocalBlobStore)
    store.put("models/m/1/card.json", b"{}")
    store.put("models/m/1/card.json", b'{"a":1}')  # replaces
    assert (tmp_path / "blobs" / "models" / "m" / "1" / "card.json").read_bytes() == b'{"a":1}'
    assert sorted(os.listdir(tmp_path / "blobs" / "models" / "m" / "1")) == ["card.json"], "no temporary file left"
    assert store.get("models/m/1/card.json") == b'{"a":1}' and store.exists("models/m/1/card.json")
    with pytest.raises(BlobNotFound, match='no blob at key "models/m/2/card.json"'):
        store.get("models/m/2/card.json")
    for key, reason in [("/abs", 'no leading or trailing "/"'), ("a/../b", '".." segments'), ("a/b c", "outside")]:
        with pytest.raises(BadTrainingInput, match=reason):
            store.put(key, b"x")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_azure_store_on_azurite(tmp_path) -> None:
    binary = REPO / "node_modules" / ".bin" / "azurite-blob"
    if not binary.exists():
        pytest.fail(f"Azurite is missing at {binary}: run `bash scripts/setup.sh`")
    port = _free_port()
    server = subprocess.Popen(
        [str(binary), "--blobHost", "127.0.0.1", "--blobPort", str(port), "--location", str(tmp_path),
         "--silent", "--skipApiVersionCheck"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        connection = (
            f"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AZURITE_KEY};"
            f"BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;"
        )
        deadline = time.monotonic() + 60
        while server.poll() is None and time.monotonic() < deadline:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.2)
        assert server.poll() is None, f"Azurite exited with code {server.returncode}"
        store = AzureBlobStore(connection, "intraday-test")
        store.put("training/m/abc/model.onnx", b"\x00\x01onnx")
        assert store.exists("training/m/abc/model.onnx")
        assert store.get("training/m/abc/model.onnx") == b"\x00\x01onnx"
        # the frame cache's validator: stable while the blob is, new after any write (even of the same bytes)
        version = store.version("training/m/abc/model.onnx")
        assert version is not None and version == store.version("training/m/abc/model.onnx")
        store.put("training/m/abc/model.onnx", b"\x00\x01onnx")
        assert store.version("training/m/abc/model.onnx") != version
        assert store.version("training/m/abc/absent") is None
        with pytest.raises(BlobNotFound, match='no blob at key "training/m/abc/absent" in container "intraday-test"'):
            store.get("training/m/abc/absent")
    finally:
        server.terminate()
        server.wait(timeout=30)
