build-dev/src/catalog/load.o: src/catalog/load.c src/catalog/load.h \
 src/base/arena.h src/catalog/catalog.h src/base/embed.h src/base/errs.h \
 src/base/util.h
src/catalog/load.h:
src/base/arena.h:
src/catalog/catalog.h:
src/base/embed.h:
src/base/errs.h:
src/base/util.h:
