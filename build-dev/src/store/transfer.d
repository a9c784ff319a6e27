build-dev/src/store/transfer.o: src/store/transfer.c src/base/buf.h \
 src/base/util.h src/store/schema.h src/store/store_int.h src/base/errs.h \
 src/store/db.h src/base/date.h src/store/store.h src/core/model.h \
 src/base/arena.h
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
