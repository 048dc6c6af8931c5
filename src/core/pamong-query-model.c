/* pamong-query-model.c — placeholder, being written */
