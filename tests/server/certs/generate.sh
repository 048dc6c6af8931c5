#!/bin/sh
# generate.sh — regenerate the TLS test certificates (tests/server/test-server-tls.c)
#
# Copyright 2026 The Pamong authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# FOR TESTS ONLY: the private keys are public in the repository.
#   ca.pem               the test CA the trusting client loads
#   server.pem           127.0.0.1 / ::1 / localhost, signed by the test CA
#   server-key.pem       its private key (unencrypted)
#   other-ca.pem         an unrelated CA: a client trusting only it must
#                        refuse the server
# Valid for 100 years so the suite does not rot. Run it from this folder.
set -eu

days=36500
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

openssl ecparam -name prime256v1 -genkey -noout -out "$tmp/ca-key.pem"
openssl req -x509 -new -key "$tmp/ca-key.pem" -sha256 -days "$days" \
  -subj "/O=Pamong tests/CN=Pamong test CA" \
  -addext "basicConstraints=critical,CA:TRUE" \
  -addext "keyUsage=critical,keyCertSign,cRLSign" \
  -out ca.pem

openssl ecparam -name prime256v1 -genkey -noout -out "$tmp/other-ca-key.pem"
openssl req -x509 -new -key "$tmp/other-ca-key.pem" -sha256 -days "$days" \
  -subj "/O=Pamong tests/CN=Pamong untrusted test CA" \
  -addext "basicConstraints=critical,CA:TRUE" \
  -addext "keyUsage=critical,keyCertSign,cRLSign" \
  -out other-ca.pem

openssl ecparam -name prime256v1 -genkey -noout -out "$tmp/server-key.pem"
openssl pkcs8 -topk8 -nocrypt -in "$tmp/server-key.pem" -out server-key.pem
openssl req -new -key server-key.pem -subj "/O=Pamong tests/CN=127.0.0.1" \
  -out "$tmp/server.csr"
cat > "$tmp/server.ext" <<EXT
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=serverAuth
subjectAltName=IP:127.0.0.1,IP:::1,DNS:localhost
EXT
openssl x509 -req -in "$tmp/server.csr" -CA ca.pem -CAkey "$tmp/ca-key.pem" \
  -CAcreateserial -CAserial "$tmp/ca.srl" -sha256 -days "$days" \
  -extfile "$tmp/server.ext" -out server.pem
