/* pamong-assessment.c — placeholder, being written */
