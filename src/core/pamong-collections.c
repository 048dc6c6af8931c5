/* pamong-collections.c — placeholder, being written */
