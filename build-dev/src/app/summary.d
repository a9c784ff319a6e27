build-dev/src/app/summary.o: src/app/summary.c src/app/summary.h \
 src/catalog/catalog.h src/base/embed.h src/base/errs.h src/core/model.h \
 src/base/arena.h src/base/date.h src/store/store.h src/base/buf.h \
 src/base/util.h src/core/rules.h src/store/db.h
src/app/summary.h:
src/catalog/catalog.h:
src/base/embed.h:
src/base/errs.h:
src/core/model.h:
src/base/arena.h:
src/base/date.h:
src/store/store.h:
src/base/buf.h:
src/base/util.h:
src/core/rules.h:
src/store/db.h:
