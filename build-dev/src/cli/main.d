build-dev/src/cli/main.o: src/cli/main.c src/base/util.h src/cli/cli.h \
 src/app/audit.h src/catalog/catalog.h src/base/embed.h src/base/errs.h \
 src/core/model.h src/base/arena.h src/base/date.h src/store/account.h \
 src/store/store.h
src/base/util.h:
src/cli/cli.h:
src/app/audit.h:
src/catalog/catalog.h:
src/base/embed.h:
src/base/errs.h:
src/core/model.h:
src/base/arena.h:
src/base/date.h:
src/store/account.h:
src/store/store.h:
