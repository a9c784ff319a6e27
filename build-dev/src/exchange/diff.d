build-dev/src/exchange/diff.o: src/exchange/diff.c src/base/buf.h \
 src/base/util.h src/exchange/doc.h src/base/errs.h src/catalog/catalog.h \
 src/base/embed.h src/core/model.h src/base/arena.h src/base/date.h
src/base/buf.h:
src/base/util.h:
src/exchange/doc.h:
src/base/errs.h:
src/catalog/catalog.h:
src/base/embed.h:
src/core/model.h:
src/base/arena.h:
src/base/date.h:
