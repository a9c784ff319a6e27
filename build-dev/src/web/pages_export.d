build-dev/src/web/pages_export.o: src/web/pages_export.c src/base/util.h \
 src/core/registers.h src/base/errs.h src/catalog/catalog.h \
 src/base/embed.h src/core/model.h src/base/arena.h src/base/date.h \
 src/exchange/doc.h src/report/report.h src/view/ics.h src/base/buf.h \
 src/view/tables.h src/view/xlsx.h src/web/pages.h src/core/rules.h \
 src/app/summary.h src/store/store.h src/web/web.h src/store/account.h
src/base/util.h:
src/core/registers.h:
src/base/errs.h:
src/catalog/catalog.h:
src/base/embed.h:
src/core/model.h:
src/base/arena.h:
src/base/date.h:
src/exchange/doc.h:
src/report/report.h:
src/view/ics.h:
src/base/buf.h:
src/view/tables.h:
src/view/xlsx.h:
src/web/pages.h:
src/core/rules.h:
src/app/summary.h:
src/store/store.h:
src/web/web.h:
src/store/account.h:
