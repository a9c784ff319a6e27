build-dev/src/store/db.o: src/store/db.c src/base/util.h src/store/db.h \
 src/base/date.h src/base/errs.h src/store/store.h src/core/model.h \
 src/base/arena.h src/store/schema.h src/store/store_int.h
src/base/util.h:
src/store/db.h:
src/base/date.h:
src/base/errs.h:
src/store/store.h:
src/core/model.h:
src/base/arena.h:
src/store/schema.h:
src/store/store_int.h:
