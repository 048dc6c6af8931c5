/* pamong-format.c — placeholder, being written */
