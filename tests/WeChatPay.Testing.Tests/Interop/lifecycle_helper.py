#!/usr/bin/env python3
"""Helpers for payment-lifecycle.sh, standard library only (ctypes reaches the system's libcrypto for AES-GCM).

  get FILE PATH          print a JSON value; PATH is dotted (resource.ciphertext, sub_orders.0.mchid)
  serve PORTFILE DIR     a notify_url on 127.0.0.1: records each request as DIR/N.body and DIR/N.headers
                         (JSON), answers 500 to the first request and 204 to every later one
  decrypt APIV3KEY FILE  decrypt the AEAD_AES_256_GCM resource of the notification in FILE; print the plaintext
"""
import ctypes
import ctypes.util
import base64
import http.server
import json
import os
import sys
import threading


def get(path, dotted):
    with open(path, "rb") as f:
        value = json.load(f)
    for part in dotted.split("."):
        value = value[int(part)] if isinstance(value, list) else value[part]
    print(value if isinstance(value, str) else json.dumps(value, ensure_ascii=False))


def serve(port_file, directory):
    lock = threading.Lock()
    count = [0]

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            with lock:
                count[0] += 1
                number = count[0]
            base = os.path.join(directory, str(number))
            with open(base + ".headers.tmp", "w") as f:
                json.dump({k.lower(): v for k, v in self.headers.items()}, f)
            with open(base + ".body.tmp", "wb") as f:
                f.write(body)
            os.replace(base + ".headers.tmp", base + ".headers")
            os.replace(base + ".body.tmp", base + ".body")  # the body appears last: its presence means complete
            if number == 1:
                answer = b'{"code":"FAIL","message":"first delivery refused on purpose"}'
                self.send_response(500)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)
            else:
                self.send_response(204)
                self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    with open(port_file + ".tmp", "w") as f:
        f.write(str(server.server_address[1]))
    os.replace(port_file + ".tmp", port_file)
    server.serve_forever()


def decrypt(apiv3_key, path):
    with open(path, "rb") as f:
        resource = json.load(f)["resource"]
    if resource["algorithm"] != "AEAD_AES_256_GCM":
        sys.exit("unsupported algorithm " + resource["algorithm"])
    data = base64.b64decode(resource["ciphertext"])
    ciphertext, tag = data[:-16], data[-16:]
    key, nonce = apiv3_key.encode(), resource["nonce"].encode()
    aad = resource.get("associated_data", "").encode()
    lib = ctypes.CDLL(ctypes.util.find_library("crypto") or "libcrypto.so.3")
    lib.EVP_CIPHER_CTX_new.restype = ctypes.c_void_p
    lib.EVP_aes_256_gcm.restype = ctypes.c_void_p
    lib.EVP_DecryptInit_ex.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p]
    lib.EVP_DecryptUpdate.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.POINTER(ctypes.c_int), ctypes.c_char_p, ctypes.c_int]
    lib.EVP_DecryptFinal_ex.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.POINTER(ctypes.c_int)]
    lib.EVP_CIPHER_CTX_ctrl.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int, ctypes.c_void_p]
    lib.EVP_CIPHER_CTX_free.argtypes = [ctypes.c_void_p]
    EVP_CTRL_GCM_SET_IVLEN, EVP_CTRL_GCM_SET_TAG = 0x9, 0x11
    ctx = lib.EVP_CIPHER_CTX_new()
    try:
        out_len = ctypes.c_int(0)
        out = ctypes.create_string_buffer(len(ciphertext) + 16)
        ok = lib.EVP_DecryptInit_ex(ctx, lib.EVP_aes_256_gcm(), None, None, None)
        ok &= lib.EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, len(nonce), None)
        ok &= lib.EVP_DecryptInit_ex(ctx, None, None, key, nonce)
        ok &= lib.EVP_DecryptUpdate(ctx, None, ctypes.byref(out_len), aad, len(aad))
        ok &= lib.EVP_DecryptUpdate(ctx, out, ctypes.byref(out_len), ciphertext, len(ciphertext))
        plain_len = out_len.value
        tag_buffer = ctypes.create_string_buffer(tag, 16)
        ok &= lib.EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, 16, tag_buffer)
        final_len = ctypes.c_int(0)
        if not ok or lib.EVP_DecryptFinal_ex(ctx, ctypes.byref(out, plain_len), ctypes.byref(final_len)) != 1:
            sys.exit("the resource does not decrypt: wrong APIv3 key or tampered ciphertext")
        sys.stdout.write(out.raw[:plain_len + final_len.value].decode())
    finally:
        lib.EVP_CIPHER_CTX_free(ctx)


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    {"get": get, "serve": serve, "decrypt": decrypt}[command](*args)
