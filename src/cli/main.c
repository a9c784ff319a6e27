#include <stdio.h>
#include "catalog/catalog.h"
int main(void) { const catalog *c = catalog_builtin(); printf("%zu measures\n", c->n_measures); return 0; }
