build-dev/src/catalog/catalog.o: src/catalog/catalog.c \
 src/catalog/catalog.h src/base/embed.h src/base/errs.h src/base/arena.h \
 src/base/util.h src/catalog/load.h src/catalog/validate.h
src/catalog/catalog.h:
src/base/embed.h:
src/base/errs.h:
src/base/arena.h:
src/base/util.h:
src/catalog/load.h:
src/catalog/validate.h:
