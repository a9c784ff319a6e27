build-dev/src/web/html.o: src/web/html.c src/base/util.h src/app/audit.h \
 src/catalog/catalog.h src/base/embed.h src/base/errs.h src/core/model.h \
 src/base/arena.h src/base/date.h src/store/account.h src/store/store.h \
 src/web/web.h src/base/buf.h
src/base/util.h:
src/app/audit.h:
src/catalog/catalog.h:
src/base/embed.h:
src/base/errs.h:
src/core/model.h:
src/base/arena.h:
src/base/date.h:
src/store/account.h:
src/store/store.h:
src/web/web.h:
src/base/buf.h:
