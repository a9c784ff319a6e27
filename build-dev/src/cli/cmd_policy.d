build-dev/src/cli/cmd_policy.o: src/cli/cmd_policy.c src/base/util.h \
 src/cli/cli.h src/app/audit.h src/catalog/catalog.h src/base/embed.h \
 src/base/errs.h src/core/model.h src/base/arena.h src/base/date.h \
 src/store/account.h src/store/store.h src/core/policy.h src/base/buf.h \
 src/exchange/doc.h
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
src/core/policy.h:
src/base/buf.h:
src/exchange/doc.h:
