"""moto's standalone S3-compatible server, for the tests of media and backups on object storage.

`moto_server` (session) starts it on a free loopback port as a subprocess; `bucket` makes a fresh bucket and
points the site's media storage at it. Without moto installed they skip, unless S3_TESTS=required (.ci/run).
"""

import importlib.util
import json
import os
import secrets
import socket
import subprocess
import sys
import time
from dataclasses import dataclass

import pytest

KEYS = {
    "AWS_ACCESS_KEY_ID": "cranes-test",
    "AWS_SECRET_ACCESS_KEY": "cranes-test-secret",
    "AWS_S3_REGION_NAME": "us-east-1",
}


@dataclass
class Bucket:
    name: str
    endpoint: str

    @property
    def env(self) -> dict[str, str]:
        """The environment a server started for this bucket needs."""
        return {**KEYS, "AWS_STORAGE_BUCKET_NAME": self.name, "AWS_S3_ENDPOINT_URL": self.endpoint}

    @property
    def client(self):
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            region_name=KEYS["AWS_S3_REGION_NAME"],
            aws_access_key_id=KEYS["AWS_ACCESS_KEY_ID"],
            aws_secret_access_key=KEYS["AWS_SECRET_ACCESS_KEY"],
        )

    def names(self) -> list[str]:
        listing = self.client.list_objects_v2(Bucket=self.name)
        return sorted(item["Key"] for item in listing.get("Contents", []))

    def read(self, key: str) -> bytes:
        return self.client.get_object(Bucket=self.name, Key=key)["Body"].read()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def moto_server():
    """The endpoint URL of a moto server running for the whole session."""
    if importlib.util.find_spec("moto") is None:
        if os.environ.get("S3_TESTS") == "required":
            pytest.fail("S3_TESTS=required but moto is not installed (requirements-dev.txt)")
        pytest.skip("moto is not installed")
    port = free_port()
    command = [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # noqa: S603
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"moto_server did not start on port {port}")
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def new_bucket(endpoint: str) -> Bucket:
    bucket = Bucket(name=f"cranes-{secrets.token_hex(6)}", endpoint=endpoint)
    bucket.client.create_bucket(Bucket=bucket.name)
    # As docs/deployment.md has it: anyone may read the objects (pages link to them), nobody else list or write.
    bucket.client.put_bucket_policy(Bucket=bucket.name, Policy=json.dumps(public_read(bucket.name)))
    return bucket


def public_read(name: str) -> dict:
    statement = {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": f"arn:aws:s3:::{name}/*"}
    return {"Version": "2012-10-17", "Statement": [statement]}


@pytest.fixture
def bucket(moto_server, settings):
    """A new, empty bucket that the site's media storage now uses."""
    bucket = new_bucket(moto_server)
    for name, value in bucket.env.items():
        setattr(settings, name, value)
    settings.AWS_S3_ADDRESSING_STYLE = "path"
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "core.bucket_storage.BucketStorage"}}
    return bucket
