/* pamong-service-type.c — placeholder, being written */
