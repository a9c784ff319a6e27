build-dev/src/web/portfolio.o: src/web/portfolio.c src/base/util.h \
 src/web/pages.h src/core/rules.h src/catalog/catalog.h src/base/embed.h \
 src/base/errs.h src/core/model.h src/base/arena.h src/base/date.h \
 src/app/summary.h src/store/store.h src/web/web.h src/base/buf.h \
 src/store/account.h
src/base/util.h:
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
