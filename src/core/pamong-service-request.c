/* pamong-service-request.c — placeholder, being written */
