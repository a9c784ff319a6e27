build-dev/src/store/relation.o: src/store/relation.c src/base/util.h \
 src/store/account.h src/base/arena.h src/store/store.h src/base/errs.h \
 src/core/model.h src/base/date.h src/store/db.h src/store/store_int.h
src/base/util.h:
src/store/account.h:
src/base/arena.h:
src/store/store.h:
src/base/errs.h:
src/core/model.h:
src/base/date.h:
src/store/db.h:
src/store/store_int.h:
