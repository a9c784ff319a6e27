build-dev/src/app/audit.o: src/app/audit.c src/app/audit.h \
 src/catalog/catalog.h src/base/embed.h src/base/errs.h src/core/model.h \
 src/base/arena.h src/base/date.h src/store/account.h src/store/store.h \
 src/app/summary.h src/exchange/doc.h
src/app/audit.h:
src/catalog/catalog.h:
src/base/embed.h:
src/base/errs.h:
src/core/model.h:
src/base/arena.h:
src/base/date.h:
src/store/account.h:
src/store/store.h:
src/app/summary.h:
src/exchange/doc.h:
