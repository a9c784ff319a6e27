build-dev/src/web/svg.o: src/web/svg.c src/core/rules.h \
 src/catalog/catalog.h src/base/embed.h src/base/errs.h src/core/model.h \
 src/base/arena.h src/base/date.h src/web/web.h src/base/buf.h \
 src/store/account.h src/store/store.h
src/core/rules.h:
src/catalog/catalog.h:
src/base/embed.h:
src/base/errs.h:
src/core/model.h:
src/base/arena.h:
src/base/date.h:
src/web/web.h:
src/base/buf.h:
src/store/account.h:
src/store/store.h:
