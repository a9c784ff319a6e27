build-dev/src/web/layout.o: src/web/layout.c src/base/util.h \
 src/web/web.h src/base/arena.h src/base/buf.h src/base/errs.h \
 src/catalog/catalog.h src/base/embed.h src/core/model.h src/base/date.h \
 src/store/account.h src/store/store.h
src/base/util.h:
src/web/web.h:
src/base/arena.h:
src/base/buf.h:
src/base/errs.h:
src/catalog/catalog.h:
src/base/embed.h:
src/core/model.h:
src/base/date.h:
src/store/account.h:
src/store/store.h:
