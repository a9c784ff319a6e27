build-dev/src/web/pages_body.o: src/web/pages_body.c src/base/util.h \
 src/exchange/doc.h src/base/errs.h src/catalog/catalog.h \
 src/base/embed.h src/core/model.h src/base/arena.h src/base/date.h \
 src/view/tables.h src/base/buf.h src/view/xlsx.h src/web/pages.h \
 src/core/rules.h src/app/summary.h src/store/store.h src/web/web.h \
 src/store/account.h
src/base/util.h:
src/exchange/doc.h:
src/base/errs.h:
src/catalog/catalog.h:
src/base/embed.h:
src/core/model.h:
src/base/arena.h:
src/base/date.h:
src/view/tables.h:
src/base/buf.h:
src/view/xlsx.h:
src/web/pages.h:
src/core/rules.h:
src/app/summary.h:
src/store/store.h:
src/web/web.h:
src/store/account.h:
