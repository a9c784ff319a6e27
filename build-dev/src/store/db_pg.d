build-dev/src/store/db_pg.o: src/store/db_pg.c \
 /usr/include/postgresql/libpq-fe.h \
 /usr/include/postgresql/postgres_ext.h \
 /usr/include/postgresql/pg_config_ext.h src/base/buf.h src/base/util.h \
 src/store/schema.h src/store/store_int.h src/base/errs.h src/store/db.h \
 src/base/date.h src/store/store.h src/core/model.h src/base/arena.h
/usr/include/postgresql/libpq-fe.h:
/usr/include/postgresql/postgres_ext.h:
/usr/include/postgresql/pg_config_ext.h:
src/base/buf.h:
src/base/util.h:
src/store/schema.h:
src/store/store_int.h:
src/base/errs.h:
src/store/db.h:
src/base/date.h:
src/store/store.h:
src/core/model.h:
src/base/arena.h:
