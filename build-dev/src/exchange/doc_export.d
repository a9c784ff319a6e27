build-dev/src/exchange/doc_export.o: src/exchange/doc_export.c \
 src/base/util.h src/core/registers.h src/base/errs.h \
 src/catalog/catalog.h src/base/embed.h src/core/model.h src/base/arena.h \
 src/base/date.h src/exchange/doc.h
src/base/util.h:
src/core/registers.h:
src/base/errs.h:
src/catalog/catalog.h:
src/base/embed.h:
src/core/model.h:
src/base/arena.h:
src/base/date.h:
src/exchange/doc.h:
