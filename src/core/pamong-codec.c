/* pamong-codec.c — placeholder, being written */
