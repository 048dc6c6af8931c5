/* pamong-application.c — placeholder, being written */
