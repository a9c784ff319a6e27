build-dev/src/web/pages_policy.o: src/web/pages_policy.c src/base/util.h \
 src/core/policy.h src/base/buf.h src/catalog/catalog.h src/base/embed.h \
 src/base/errs.h src/core/model.h src/base/arena.h src/base/date.h \
 src/exchange/doc.h src/web/pages.h src/core/rules.h src/app/summary.h \
 src/store/store.h src/web/web.h src/store/account.h
src/base/util.h:
src/core/policy.h:
src/base/buf.h:
src/catalog/catalog.h:
src/base/embed.h:
src/base/errs.h:
src/core/model.h:
src/base/arena.h:
src/base/date.h:
src/exchange/doc.h:
src/web/pages.h:
src/core/rules.h:
src/app/summary.h:
src/store/store.h:
src/web/web.h:
src/store/account.h:
