build-dev/src/core/model.o: src/core/model.c src/core/model.h \
 src/base/arena.h src/base/date.h src/base/util.h src/core/registers.h \
 src/base/errs.h src/catalog/catalog.h src/base/embed.h
src/core/model.h:
src/base/arena.h:
src/base/date.h:
src/base/util.h:
src/core/registers.h:
src/base/errs.h:
src/catalog/catalog.h:
src/base/embed.h:
