build-dev/src/view/xlsx.o: src/view/xlsx.c src/view/tables.h \
 src/base/arena.h src/base/buf.h src/catalog/catalog.h src/base/embed.h \
 src/base/errs.h src/core/model.h src/base/date.h src/view/xlsx.h
src/view/tables.h:
src/base/arena.h:
src/base/buf.h:
src/catalog/catalog.h:
src/base/embed.h:
src/base/errs.h:
src/core/model.h:
src/base/date.h:
src/view/xlsx.h:
