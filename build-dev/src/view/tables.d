build-dev/src/view/tables.o: src/view/tables.c src/base/buf.h \
 src/base/util.h src/core/registers.h src/base/errs.h \
 src/catalog/catalog.h src/base/embed.h src/core/model.h src/base/arena.h \
 src/base/date.h src/core/risk.h src/view/tables.h
src/base/buf.h:
src/base/util.h:
src/core/registers.h:
src/base/errs.h:
src/catalog/catalog.h:
src/base/embed.h:
src/core/model.h:
src/base/arena.h:
src/base/date.h:
src/core/risk.h:
src/view/tables.h:
