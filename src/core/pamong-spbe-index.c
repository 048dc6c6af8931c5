/* pamong-spbe-index.c — placeholder, being written */
