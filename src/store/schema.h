/* schema.h — the database schema as numbered migrations. */
#ifndef SECSTEP_SCHEMA_H
#define SECSTEP_SCHEMA_H

/* SQL of migration n (1-based), or NULL. */
const char *schema_migration(int n);
int schema_latest(void);

#endif
