build-dev/src/web/routes.o: src/web/routes.c src/web/pages.h \
 src/core/rules.h src/catalog/catalog.h src/base/embed.h src/base/errs.h \
 src/core/model.h src/base/arena.h src/base/date.h src/app/summary.h \
 src/store/store.h src/web/web.h src/base/buf.h src/store/account.h
src/web/pages.h:
src/core/rules.h:
src/catalog/catalog.h:
src/base/embed.h:
src/base/errs.h:
src/core/model.h:
src/base/arena.h:
src/base/date.h:
src/app/summary.h:
src/store/store.h:
src/web/web.h:
src/base/buf.h:
src/store/account.h:
