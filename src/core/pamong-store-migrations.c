/* pamong-store-migrations.c — placeholder, being written */
