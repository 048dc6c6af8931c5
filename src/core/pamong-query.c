/* pamong-query.c — placeholder, being written */
