build-dev/src/cli/common.o: src/cli/common.c src/app/audit.h \
 src/catalog/catalog.h src/base/embed.h src/base/errs.h src/core/model.h \
 src/base/arena.h src/base/date.h src/store/account.h src/store/store.h \
 src/app/summary.h src/base/util.h src/cli/cli.h src/exchange/doc.h
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
src/base/util.h:
src/cli/cli.h:
src/exchange/doc.h:
