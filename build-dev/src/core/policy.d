build-dev/src/core/policy.o: src/core/policy.c src/base/util.h \
 src/core/policy.h src/base/buf.h src/catalog/catalog.h src/base/embed.h \
 src/base/errs.h src/core/model.h src/base/arena.h src/base/date.h
src/base/util.h:
src/core/policy.h:
src/base/buf.h:
src/catalog/catalog.h:
src/base/embed.h:
src/base/errs.h:
src/core/model.h:
src/base/arena.h:
src/base/date.h:
