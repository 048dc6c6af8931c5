#!/bin/sh
# skip.sh — report a test as skipped (exit 77) and say why
#
# Copyright 2026 The Pamong authors
# SPDX-License-Identifier: GPL-3.0-or-later
echo "SKIP: $*"
exit 77
