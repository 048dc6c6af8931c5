/* pamong-framework.c — placeholder, being written */
