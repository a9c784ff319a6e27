build-dev/src/store/db_sqlite.o: src/store/db_sqlite.c src/base/util.h \
 src/store/schema.h src/store/store_int.h src/base/errs.h src/store/db.h \
 src/base/date.h src/store/store.h src/core/model.h src/base/arena.h
src/base/util.h:
src/store/schema.h:
src/store/store_int.h:
src/base/errs.h:
src/store/db.h:
src/base/date.h:
src/store/store.h:
src/core/model.h:
src/base/arena.h:
