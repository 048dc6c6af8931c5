/* pamong-attachment.c — placeholder, being written */
