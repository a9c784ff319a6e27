build-dev/src/view/ics.o: src/view/ics.c src/base/util.h src/view/ics.h \
 src/base/buf.h src/catalog/catalog.h src/base/embed.h src/base/errs.h \
 src/core/model.h src/base/arena.h src/base/date.h
src/base/util.h:
src/view/ics.h:
src/base/buf.h:
src/catalog/catalog.h:
src/base/embed.h:
src/base/errs.h:
src/core/model.h:
src/base/arena.h:
src/base/date.h:
