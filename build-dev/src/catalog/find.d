build-dev/src/catalog/find.o: src/catalog/find.c src/base/util.h \
 src/catalog/catalog.h src/base/embed.h src/base/errs.h
src/base/util.h:
src/catalog/catalog.h:
src/base/embed.h:
src/base/errs.h:
