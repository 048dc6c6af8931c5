/* pamong-region.c — placeholder, being written */
