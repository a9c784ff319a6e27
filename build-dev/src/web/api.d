build-dev/src/web/api.o: src/web/api.c src/app/audit.h \
 src/catalog/catalog.h src/base/embed.h src/base/errs.h src/core/model.h \
 src/base/arena.h src/base/date.h src/store/account.h src/store/store.h \
 src/base/util.h src/exchange/doc.h src/view/views.h src/core/rules.h \
 src/web/pages.h src/app/summary.h src/web/web.h src/base/buf.h
src/app/audit.h:
src/catalog/catalog.h:
src/base/embed.h:
src/base/errs.h:
src/core/model.h:
src/base/arena.h:
src/base/date.h:
src/store/account.h:
src/store/store.h:
src/base/util.h:
src/exchange/doc.h:
src/view/views.h:
src/core/rules.h:
src/web/pages.h:
src/app/summary.h:
src/web/web.h:
src/base/buf.h:
