build-dev/src/view/csv_read.o: src/view/csv_read.c src/base/util.h \
 src/view/tables.h src/base/arena.h src/base/buf.h src/catalog/catalog.h \
 src/base/embed.h src/base/errs.h src/core/model.h src/base/date.h
src/base/util.h:
src/view/tables.h:
src/base/arena.h:
src/base/buf.h:
src/catalog/catalog.h:
src/base/embed.h:
src/base/errs.h:
src/core/model.h:
src/base/date.h:
