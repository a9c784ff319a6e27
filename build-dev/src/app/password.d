build-dev/src/app/password.o: src/app/password.c src/app/password.h \
 src/base/date.h src/catalog/catalog.h src/base/embed.h src/base/errs.h \
 src/base/util.h
src/app/password.h:
src/base/date.h:
src/catalog/catalog.h:
src/base/embed.h:
src/base/errs.h:
src/base/util.h:
