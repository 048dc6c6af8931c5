/* pamong-request-event.c — placeholder, being written */
