/* pamong-store.c — placeholder, being written */
