build-dev/src/web/auth.o: src/web/auth.c src/app/password.h \
 src/base/date.h src/catalog/catalog.h src/base/embed.h src/base/errs.h \
 src/base/util.h src/store/store_int.h src/store/db.h src/store/store.h \
 src/core/model.h src/base/arena.h src/web/web_int.h src/web/web.h \
 src/base/buf.h src/store/account.h
src/app/password.h:
src/base/date.h:
src/catalog/catalog.h:
src/base/embed.h:
src/base/errs.h:
src/base/util.h:
src/store/store_int.h:
src/store/db.h:
src/store/store.h:
src/core/model.h:
src/base/arena.h:
src/web/web_int.h:
src/web/web.h:
src/base/buf.h:
src/store/account.h:
