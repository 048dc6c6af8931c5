/* pamong-demo.c — placeholder, being written */
