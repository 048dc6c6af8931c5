/* pamong-nik.c — placeholder, being written */
