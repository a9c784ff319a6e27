/* schema.h — the database schema as numbered migrations. */
#ifndef SECSTEP_SCHEMA_H
#define SECSTEP_SCHEMA_H

/* SQL of migration n (1-based), or NULL. */
const char *schema_migration(int n);
int schema_latest(void);
/* Every table of the latest schema, parents before children (the order in
 * which rows are copied between databases). NULL-terminated. */
extern const char *const schema_tables[];

#endif
